import { ticketFormValues, viewSubmission, type User } from '../fakes/slack/interactions';
import { ADMIN, startStaffedSlackHarness, TINA, type SlackHarness } from '../fakes/slack/harness';
import { TEST_POLICY } from '../helpers/policy';

/** Tickets from messages where people already talk, through the real Bolt app and the fake Slack. */
const CARL = { id: 'UCARL', name: 'Carl' };
const DORA = { id: 'UDORA', name: 'Dora' };

let h: SlackHarness;

beforeAll(async () => {
  h = await startStaffedSlackHarness({ policy: { ...TEST_POLICY, maxOpenTickets: 2 } });
});
afterAll(async () => {
  await h?.close();
});

const ticketCount = async () => (await h.db.dataSource.query(`SELECT count(*)::int AS n FROM ticket`))[0].n as number;

let nextTs = 1;
/** "Ticket from message" used by `user` on a message `author` wrote in #general; the view it opened. */
async function shortcut(user: User, author: User | null, text: string) {
  const ts = `1800000000.${String(nextTs++).padStart(6, '0')}`;
  const before = h.api.callsOf('views.open').length;
  await h.signer.interaction({
    type: 'message_action',
    callback_id: 'ticket_from_message',
    trigger_id: `trigger-${ts}`,
    action_ts: '1',
    message_ts: ts,
    user: { id: user.id, name: user.name },
    channel: { id: 'CGENERAL', name: 'general' },
    response_url: 'http://127.0.0.1:1/x',
    message: { type: 'message', ts, text, ...(author ? { user: author.id } : { bot_id: 'BOTHER' }) },
  });
  await h.slack.settled();
  const calls = h.api.callsOf('views.open');
  expect(calls).toHaveLength(before + 1);
  return calls.at(-1)!.args.view;
}

async function submit(user: User, view: { private_metadata: string }, title: string) {
  await h.signer.interaction(
    viewSubmission(
      user,
      'ticket_form',
      view.private_metadata,
      ticketFormValues({ title, description: 'From chat', type: 'incident' }),
    ),
  );
  await h.slack.settled();
}

const customerOf = async (title: string) =>
  (
    await h.db.dataSource.query(
      `SELECT i.platform_user_id AS customer, o.platform_user_id AS opener
       FROM ticket t JOIN identity i ON i.person_id = t.customer_id JOIN identity o ON o.person_id = t.opened_by_id
       WHERE t.title = $1`,
      [title],
    )
  )[0];

describe('"Ticket from message": whose message it is decides whose ticket it is', () => {
  test("a customer's shortcut on someone else's message says why not, and stores nothing", async () => {
    const before = await ticketCount();
    const view = await shortcut(CARL, DORA, "Dora's printer is jammed");
    expect(view.callback_id).toBeUndefined();
    expect(JSON.stringify(view.blocks)).toContain('You can only open a ticket from a message you wrote yourself');
    expect(await ticketCount()).toBe(before);
  });

  test('a customer opens a ticket from their own message after confirming the form', async () => {
    const view = await shortcut(CARL, CARL, 'My laptop will not boot\nSince Monday');
    expect(view.callback_id).toBe('ticket_form');
    await submit(CARL, view, 'My laptop will not boot');
    expect(await customerOf('My laptop will not boot')).toEqual({ customer: CARL.id, opener: CARL.id });
  });

  test("staff open a ticket from someone else's message, and its author is the customer", async () => {
    const view = await shortcut(TINA, DORA, 'VPN drops every hour');
    expect(view.callback_id).toBe('ticket_form');
    await submit(TINA, view, 'VPN drops every hour');
    expect(await customerOf('VPN drops every hour')).toEqual({ customer: DORA.id, opener: TINA.id });
  });

  test("a form forged for someone else's message is refused by the core when a customer submits it", async () => {
    const forged = JSON.stringify({
      channel: 'CGENERAL',
      sourceMessage: { channel: 'CGENERAL', ts: '1.1', author: DORA.id },
    });
    const before = await ticketCount();
    await submit(CARL, { private_metadata: forged }, 'Not mine to open');
    expect(await ticketCount()).toBe(before);
    const dm = h.api.messages.filter((m) => m.channel === CARL.id).at(-1);
    expect(dm?.text).toContain('You can only open a ticket from a message you wrote yourself');
  });

  test('the same message twice makes one ticket', async () => {
    const view = await shortcut(ADMIN, DORA, 'Door badge reader dead');
    await submit(ADMIN, view, 'Door badge reader dead');
    const again = { private_metadata: view.private_metadata };
    await submit(ADMIN, again, 'Door badge reader dead');
    expect(
      (await h.db.dataSource.query(`SELECT count(*)::int AS n FROM ticket WHERE title = 'Door badge reader dead'`))[0]
        .n,
    ).toBe(1);
  });

  test('a customer over MAX_OPEN_TICKETS is told so before the form, and nothing is stored', async () => {
    const view = await shortcut(CARL, CARL, 'Second thing');
    await submit(CARL, view, 'Second thing');
    const before = await ticketCount();
    const refused = await shortcut(CARL, CARL, 'Third thing');
    expect(refused.callback_id).toBeUndefined();
    expect(JSON.stringify(refused.blocks)).toContain("You can't open another ticket: you have 2 unresolved tickets");
    expect(await ticketCount()).toBe(before);
  });
});
