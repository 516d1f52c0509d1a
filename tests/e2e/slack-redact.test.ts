import { ADMIN, startStaffedSlackHarness, SUPPORT_CHANNEL, TINA, type SlackHarness } from '../fakes/slack/harness';
import { openTicketAs, runCommand, sayInThread, threadMessage } from '../fakes/slack/interactions';
import { storedState } from '../helpers/snapshot';

const CORA = { id: 'UCORA', name: 'Cora' };

let h: SlackHarness;

beforeAll(async () => {
  h = await startStaffedSlackHarness();
});
afterAll(async () => {
  await h?.close();
});

/** What Slack's "Copy link" gives for a message (with the thread for a reply). */
const permalink = (channel: string, ts: string, threadTs?: string) =>
  `https://example.slack.com/archives/${channel}/p${ts.replace('.', '')}${threadTs ? `?thread_ts=${threadTs}&cid=${channel}` : ''}`;
const redact = (user: { id: string; name: string }, text: string) => runCommand(h, user, '/helpdesk', `redact ${text}`);
const commentBody = async (platformMessageId: string) =>
  (await h.db.dataSource.query(`SELECT body FROM comment WHERE platform_message_id = $1`, [platformMessageId]))[0]
    ?.body;

const says = (user: { id: string }, channel: string, threadTs: string, text: string) =>
  sayInThread(h, user, channel, threadTs, text);

describe('/helpdesk redact in Slack, end to end through the fake Slack', () => {
  test("an admin redacts a customer's DM message by the link to its copy in the card thread: the copy is edited, the admin told whom to ask", async () => {
    const { number, location } = await openTicketAs(h, CORA, 'Cannot reach the VPN');
    const ts = await says(CORA, 'DUCORA', location.slackDmThreadTs, 'my password is hunter2');
    const copy = h.api.thread(SUPPORT_CHANNEL, location.slackCardTs).find((m) => m.text?.includes('hunter2'))!;

    const answer = await redact(
      ADMIN,
      `<${permalink(SUPPORT_CHANNEL, copy.ts, location.slackCardTs)}> password removed`,
    );
    expect(answer.response_type).toBe('ephemeral');
    expect(answer.text).toContain(`ticket #${number}`);
    expect(answer.text).toContain('editing its copy');
    // The message as written is in Cora's DM with the app, which only she can delete.
    expect(answer.text).toContain('only they can');
    expect(answer.text).toContain(permalink('DUCORA', ts));
    expect(await commentBody(`DUCORA:${ts}`)).toBe('password removed');

    await h.deliver();
    const edits = h.api.callsOf('chat.update').filter((c) => c.args.ts === copy.ts);
    expect(edits.map((c) => [c.args.channel, c.args.text])).toEqual([
      [SUPPORT_CHANNEL, '*Cora (customer):* password removed'],
    ]);
    expect(h.api.messages.find((m) => m.ts === copy.ts)!.text).toBe('*Cora (customer):* password removed');
    expect(JSON.stringify(h.api.messages.filter((m) => m.bot_id))).not.toContain('hunter2');
  });

  test("a supporter's reply in the card thread, by its own link: the DM copy is edited; the admin is asked to delete the original", async () => {
    const { number, location } = await openTicketAs(h, CORA, 'Shared mailbox missing');
    const ts = await says(TINA, SUPPORT_CHANNEL, location.slackCardTs, 'temporary password: Winter2026!');
    const dmCopy = h.api.thread('DUCORA', location.slackDmThreadTs).find((m) => m.text?.includes('Winter2026'))!;

    const answer = await redact(ADMIN, permalink(SUPPORT_CHANNEL, ts, location.slackCardTs));
    expect(answer.text).toContain(`ticket #${number}`);
    expect(answer.text).toContain(`delete it (and any file shared with it) yourself`);
    expect(answer.text).toContain(permalink(SUPPORT_CHANNEL, ts));
    await h.deliver();
    expect(h.api.messages.find((m) => m.ts === dmCopy.ts)!.text).toBe('*Tina (support):* [redacted by an admin]');
    // Slack lets no bot token delete a person's message: nothing tried.
    expect(h.api.callsOf('chat.delete')).toEqual([]);
  });

  test('a copy still queued when the comment is redacted goes out with the replacement, never the old text', async () => {
    const { location } = await openTicketAs(h, CORA, 'Badge reader broken');
    const ts = h.api.nextTs();
    await h.signer.event(threadMessage(CORA, 'DUCORA', location.slackDmThreadTs, 'my badge PIN is 8080', ts));
    await h.slack.settled();
    await redact(ADMIN, permalink('DUCORA', ts, location.slackDmThreadTs));
    await h.deliver();
    const thread = h.api.thread(SUPPORT_CHANNEL, location.slackCardTs).map((m) => m.text);
    expect(thread).toContain('*Cora (customer):* [redacted by an admin]');
    expect(JSON.stringify(h.api.calls)).not.toContain('8080');
  });

  test('a supporter is refused privately and nothing changes; a malformed link or an unknown message gets a clear private answer', async () => {
    const { location } = await openTicketAs(h, CORA, 'Monitor flickers');
    const ts = await says(CORA, 'DUCORA', location.slackDmThreadTs, 'my IBAN is DK50 0040 0440 1162 43');
    const before = await storedState(h.db.dataSource);

    const refused = await redact(TINA, permalink('DUCORA', ts));
    expect(refused).toMatchObject({ response_type: 'ephemeral' });
    expect(refused.text).toContain('admin');
    const malformed = await redact(ADMIN, 'https://example.slack.com/archives/CSUPPORT');
    expect(malformed.text).toContain('not a Slack message link');
    const unknown = await redact(ADMIN, permalink(SUPPORT_CHANNEL, '1700000000.000001'));
    expect(unknown.text).toContain("not a ticket's comment");
    expect((await runCommand(h, ADMIN, '/helpdesk', 'redact')).text).toContain('/helpdesk redact LINK');

    expect(await storedState(h.db.dataSource)).toEqual(before);
    await h.deliver();
    expect(h.api.callsOf('chat.update').some((c) => String(c.args.text).includes('IBAN'))).toBe(false);
    expect(await commentBody(`DUCORA:${ts}`)).toContain('DK50');
  });

  test('/helpdesk help lists redact for admins only', async () => {
    expect((await runCommand(h, ADMIN, '/helpdesk', 'help')).text).toContain('/helpdesk redact');
    expect((await runCommand(h, TINA, '/helpdesk', 'help')).text).not.toContain('/helpdesk redact');
  });
});
