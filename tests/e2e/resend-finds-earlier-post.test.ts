import type { DataSource } from 'typeorm';
import { DELIVERY_EVENT } from '../../src/bots/slack/post-once';
import { SUPPORT_CHANNEL_ID } from '../../src/simulator/discord/fake-discord';
import { DiscordWorld } from '../fakes/discord/harness';
import { startStaffedSlackHarness, SUPPORT_CHANNEL, type SlackHarness } from '../fakes/slack/harness';
import { slack } from '../helpers/people';

/**
 * A process that posted and died before it recorded the post (kill -9, or the database gone for
 * longer than the claim): the ticket's location is as before the post and the delivery's claim ran
 * out. Whoever claims it next must find the message instead of posting a second one.
 */
async function forgetThePost(dataSource: DataSource, ticketNumber: number, firstClaimedAgoMs: number): Promise<void> {
  await dataSource.query(`UPDATE ticket SET location = '{}'::jsonb WHERE number = $1`, [ticketNumber]);
  await dataSource.query(
    `UPDATE delivery SET status = 'sending', lease_until = now() - interval '1 second', sent_at = NULL,
            first_claimed_at = now() - ($2 || ' milliseconds')::interval
     WHERE kind = 'ticket.created' AND ticket_id = (SELECT id FROM ticket WHERE number = $1)`,
    [ticketNumber, String(firstClaimedAgoMs)],
  );
}

describe('Slack: a delivery claimed again after its lease ran out', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startStaffedSlackHarness();
  });
  afterAll(async () => {
    await h?.close();
  });

  test('every post carries its delivery in message metadata, and a resend records the card and DM it finds instead of posting them again', async () => {
    const ticket = await h.helpdesk.tickets.open(slack('UCARL'), {
      title: 'Printer on fire',
      description: 'Smoke',
      type: 'incident',
    });
    await h.deliver();
    const posts = h.api.callsOf('chat.postMessage');
    expect(posts.length).toBeGreaterThanOrEqual(2);
    for (const post of posts) expect(post.args.metadata).toMatchObject({ event_type: DELIVERY_EVENT });
    const [before] = await h.db.dataSource.query(`SELECT location FROM ticket WHERE number = $1`, [ticket.number]);

    await forgetThePost(h.db.dataSource, ticket.number, 1000);
    h.clock.set(new Date());
    const result = await h.deliver();
    expect(result).toMatchObject({ resent: 1, sent: 1 });
    expect(h.api.callsOf('chat.postMessage')).toHaveLength(posts.length);
    const lookups = [...h.api.callsOf('conversations.history'), ...h.api.callsOf('conversations.replies')];
    expect(lookups.length).toBeGreaterThan(0);
    for (const lookup of lookups) expect(lookup.args).toMatchObject({ include_all_metadata: 'true' });
    const [after] = await h.db.dataSource.query(`SELECT location FROM ticket WHERE number = $1`, [ticket.number]);
    expect(after.location.slackCardTs).toBe(before.location.slackCardTs);
    expect(after.location.slackDmThreadTs).toBe(before.location.slackDmThreadTs);
    expect(h.api.messages.filter((m) => m.channel === SUPPORT_CHANNEL && !m.thread_ts)).toHaveLength(1);
  });

  test('the fake returns message metadata only to include_all_metadata, and pages history with oldest and a cursor', async () => {
    const channel = 'CPAGES';
    const first = h.api.addHumanMessage({ channel, text: 'one', user: 'UCARL' });
    for (let i = 0; i < 4; i++) h.api.addHumanMessage({ channel, text: `later ${i}`, user: 'UCARL' });
    const call = async (method: string, args: Record<string, string>) =>
      (await (
        await fetch(`${h.api.url}${method}`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: 'Bearer xoxb-test' },
          body: new URLSearchParams({ channel, ...args }).toString(),
        })
      ).json()) as {
        messages: Array<{ text: string; metadata?: unknown }>;
        response_metadata: { next_cursor: string };
      };
    const ask = (args: Record<string, string>) => call('conversations.history', args);
    const page1 = await ask({ oldest: first.ts, limit: '3' });
    expect(page1.messages.map((m) => m.text)).toEqual(['later 3', 'later 2', 'later 1']);
    const page2 = await ask({ oldest: first.ts, limit: '3', cursor: page1.response_metadata.next_cursor });
    expect(page2.messages.map((m) => m.text)).toEqual(['later 0']);
    expect(page2.response_metadata.next_cursor).toBe('');

    const metadata = { event_type: 'thing_done', event_payload: { id: 7 } };
    await call('chat.postMessage', { channel, text: 'tagged', metadata: JSON.stringify(metadata) });
    expect((await ask({ limit: '1' })).messages[0].metadata).toBeUndefined();
    expect((await ask({ limit: '1', include_all_metadata: 'true' })).messages[0].metadata).toEqual(metadata);
  });
});

describe('Discord: a delivery claimed again after its nonce window', () => {
  let world: DiscordWorld;
  beforeAll(async () => {
    world = await new DiscordWorld().start();
    await world.addStaff();
  });
  afterAll(async () => {
    await world?.stop();
  });

  test('finds the ticket thread by name among active threads and the card by its content, and creates neither again', async () => {
    const carl = world.fake.user('carl');
    const { number, threadId } = await world.openTicket(carl, 'Monitor flickers');
    const threads = () =>
      [...world.fake.channels.values()].filter((c) => c.parent_id === SUPPORT_CHANNEL_ID && c.thread_metadata);
    const threadsBefore = threads().length;
    const cardsBefore = world.fake.messagesIn(threadId).length;
    const nonceCalls = world.fake.requests.filter((r) => r.method === 'POST' && r.body?.enforce_nonce === true);
    expect(nonceCalls.length).toBeGreaterThan(0);

    // Past Discord's nonce window: only the look-ups can stop a second thread and card.
    world.fake.nonceWindowMs = 0;
    await forgetThePost(world.db.dataSource, number, 3 * 60_000);
    world.clock.set(new Date());
    expect(await world.deliver()).toMatchObject({ resent: 1, sent: 1 });
    expect(threads()).toHaveLength(threadsBefore);
    expect(world.fake.messagesIn(threadId)).toHaveLength(cardsBefore);
    expect((await world.ticket(number)).location.discordThreadId).toBe(threadId);
    expect(world.fake.requests.some((r) => r.method === 'GET' && /threads\/active$/.test(r.path))).toBe(true);
  });
});
