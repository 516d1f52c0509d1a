import { pressButton, pressEphemeral, submitView, ticketFormValues, type User } from '../fakes/slack/interactions';
import { ADMIN, startStaffedSlackHarness, TINA, type SlackHarness } from '../fakes/slack/harness';
import { TEST_POLICY } from '../helpers/policy';

/** Tickets from messages where people already talk, through the real Bolt app and the fake Slack. */
const CARL = { id: 'UCARL', name: 'Carl' };
const DORA = { id: 'UDORA', name: 'Dora' };
const EVE = { id: 'UEVE', name: 'Eve' };
const FRED = { id: 'UFRED', name: 'Fred' };
const GUS = { id: 'UGUS', name: 'Gus' };

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

/** The ticket form a shortcut opened, submitted with `title`. */
const submit = (user: User, view: { private_metadata: string }, title: string) =>
  submitView(
    h,
    user,
    { callback_id: 'ticket_form', private_metadata: view.private_metadata },
    ticketFormValues({ title, description: 'From chat', type: 'incident' }),
  );

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

/** `author` writes in `channel`; `reactor` puts the ticket emoji on it; what the app said privately to the reactor. */
async function react(reactor: User, author: User, text: string, channel = 'CGENERAL', reaction = 'ticket') {
  const message = h.api.addHumanMessage({ channel, user: author.id, text });
  return reactTo(reactor, message, reaction);
}

async function reactTo(reactor: User, message: { channel: string; ts: string; user?: string }, reaction = 'ticket') {
  const ephemeral = h.api.callsOf('chat.postEphemeral').length;
  const posted = h.api.callsOf('chat.postMessage').length;
  await h.signer.event({
    type: 'reaction_added',
    user: reactor.id,
    reaction,
    item_user: message.user,
    item: { type: 'message', channel: message.channel, ts: message.ts },
    event_ts: h.api.nextTs(),
  });
  await h.slack.settled();
  const said = [
    ...h.api.callsOf('chat.postEphemeral').slice(ephemeral),
    ...h.api.callsOf('chat.postMessage').slice(posted),
  ].map((c) => c.args);
  return { message, said };
}

const ticketOfMessage = async (ts: string) =>
  (
    await h.db.dataSource.query(
      `SELECT t.number, i.platform_user_id AS customer, t.location FROM message_ticket m
       JOIN ticket t ON t.id = m.ticket_id JOIN identity i ON i.person_id = t.customer_id
       WHERE m.platform = 'slack' AND m.message_id = $1`,
      [ts],
    )
  )[0];

describe('the ticket emoji on a message', () => {
  test('on their own message, a customer confirms privately; the message gets a threaded reply with the number', async () => {
    const { message, said } = await react(EVE, EVE, 'Projector in room 4 is dead\nTried another cable');
    expect(said).toHaveLength(1);
    expect(said[0]).toMatchObject({ channel: 'CGENERAL', user: EVE.id, text: 'Open a ticket with this message?' });
    expect(await ticketOfMessage(message.ts)).toBeUndefined();

    await pressEphemeral(h, EVE, said[0], 'reaction_ticket_open');
    const ticket = await ticketOfMessage(message.ts);
    expect(ticket).toMatchObject({ customer: EVE.id });
    const [row] = await h.db.dataSource.query(`SELECT title, description, type FROM ticket WHERE number = $1`, [
      ticket.number,
    ]);
    expect(row).toEqual({
      title: 'Projector in room 4 is dead',
      description: 'Projector in room 4 is dead\nTried another cable',
      type: 'incident',
    });
    expect(h.api.callsOf('chat.postEphemeral').at(-1)!.args.text).toBe(`Ticket #${ticket.number} is open.`);
    await h.deliver();
    expect(h.api.thread('CGENERAL', message.ts).map((m) => m.text)).toEqual([
      `This message is now ticket #${ticket.number}.`,
    ]);
    expect(h.api.messages.some((m) => m.channel === `D${EVE.id}`)).toBe(true); // the customer's DM thread, as for any ticket
  });

  test("a customer's reaction on someone else's message gets a private explanation and opens nothing", async () => {
    const { message, said } = await react(EVE, FRED, 'Fred cannot print');
    expect(said).toHaveLength(1);
    expect(said[0].user).toBe(EVE.id);
    expect(said[0].text).toContain('You can only open a ticket from a message you wrote yourself');
    expect(said[0].blocks).toBeUndefined();
    expect(await ticketOfMessage(message.ts)).toBeUndefined();
  });

  test("staff reacting on someone else's message open the ticket for its author", async () => {
    const { message, said } = await react(TINA, FRED, 'Fred: Outlook keeps asking for my password');
    expect(said[0].text).toBe('Open a ticket for <@UFRED> with this message?');
    await pressEphemeral(h, TINA, said[0], 'reaction_ticket_open');
    expect(await ticketOfMessage(message.ts)).toMatchObject({ customer: FRED.id });
  });

  test('a second reaction on the same message opens nothing new, nor does pressing Open twice', async () => {
    const { message, said } = await react(FRED, FRED, 'Keyboard missing keys');
    const second = await reactTo(TINA, message);
    await pressEphemeral(h, FRED, said[0], 'reaction_ticket_open');
    const ticket = await ticketOfMessage(message.ts);
    await pressEphemeral(h, TINA, second.said[0], 'reaction_ticket_open');
    expect(h.api.callsOf('chat.postEphemeral').at(-1)!.args.text).toBe(
      `No ticket was opened: That message is already ticket #${ticket.number}.`,
    );
    const third = await reactTo(ADMIN, message);
    expect(third.said.map((s) => s.text)).toEqual([`That message is already ticket #${ticket.number}.`]);
    const [{ n }] = await h.db.dataSource.query(
      `SELECT count(*)::int AS n FROM ticket WHERE title = 'Keyboard missing keys'`,
    );
    expect(n).toBe(1);
  });

  test('in a channel the app is not in, nothing happens', async () => {
    h.api.notIn.add('CSECRET');
    const before = await ticketCount();
    const { said } = await react(TINA, FRED, 'Somewhere private', 'CSECRET');
    expect(said).toEqual([]);
    expect(await ticketCount()).toBe(before);
  });

  test("the ticket emoji on the app's own message (a card, a reply it posted) makes nothing", async () => {
    const before = await ticketCount();
    const own = h.api.messages.find((m) => m.channel === 'CGENERAL' && m.bot_id === 'BBOT')!;
    expect(own).toBeDefined();
    const { said } = await reactTo(TINA, own);
    expect(said).toEqual([]);
    expect(await ticketCount()).toBe(before);
    expect(await ticketOfMessage(own.ts)).toBeUndefined();
  });

  test('other emoji are not the ticket emoji', async () => {
    const { said } = await react(FRED, FRED, 'Just a thumbs up', 'CGENERAL', 'thumbsup');
    expect(said).toEqual([]);
  });

  test('when Slack will not show an ephemeral there, the question comes in the DM, and Cancel stores nothing', async () => {
    h.api.failNext('chat.postEphemeral', { error: 'user_not_in_channel' });
    const before = await ticketCount();
    const { said } = await react(GUS, GUS, 'Monitor flickers');
    const dm = said.find((s) => s.channel === `D${GUS.id}`)!;
    expect(dm.text).toBe('Open a ticket with this message?');
    const question = h.api.messages.filter((m) => m.channel === dm.channel).at(-1)!;
    await pressButton(h, GUS, question, 'reaction_ticket_cancel', dm.channel);
    expect(h.api.messages.find((m) => m.ts === question.ts)?.text).toBe('No ticket was opened.');
    expect(await ticketCount()).toBe(before);
  });

  test('a customer over MAX_OPEN_TICKETS is told why by reaction, and nothing is stored', async () => {
    const before = await ticketCount();
    const { said } = await react(CARL, CARL, 'Yet another thing');
    expect(said.map((s) => s.text)).toEqual([
      expect.stringContaining("You can't open another ticket: you have 2 unresolved tickets"),
    ]);
    expect(await ticketCount()).toBe(before);
  });
});
