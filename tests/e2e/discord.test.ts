import { ChannelType, InteractionResponseType, MessageFlags } from 'discord.js';
import { ADMIN } from '../helpers/people';
import { STAFF_CHANNEL_ID, SUPPORT_CHANNEL_ID, type FakeUser } from '../../src/simulator/discord/fake-discord';
import { DiscordWorld } from '../fakes/discord/harness';
import {
  chooseInSelect,
  pressButton,
  slashCommand,
  stringOption,
  submitTicketForm,
} from '../../src/simulator/discord/interactions';
import { registerCommands } from '../../src/bots/discord/register-commands';
import { eventuallyPasses } from '../helpers/eventually';
import { DAY } from '../../src/core/clock';

/** The Discord adapter end to end: the real discord.js client against the local fake Discord. */
describe('Discord adapter, end to end', () => {
  let world: DiscordWorld;
  let tina: FakeUser;

  beforeAll(async () => {
    world = await new DiscordWorld().start();
    tina = world.fake.user('tina');
    await world.helpdesk.staff.bootstrapAdmins([ADMIN]);
    await world.helpdesk.staff.add(ADMIN, { person: world.ref(tina), role: '1' });
  });
  afterAll(async () => {
    await world?.stop();
  });

  /** A customer opens a ticket through /ticket and its form; returns the ticket number and its thread. */
  async function openTicket(customer: FakeUser, title: string, description = 'It stopped working this morning.') {
    const command = await slashCommand(world.fake, customer, 'ticket', SUPPORT_CHANNEL_ID);
    const [modal] = world.fake.answers.get(command)!;
    expect(modal.body.type).toBe(InteractionResponseType.Modal); // the first and only response to the command
    const submitted = await submitTicketForm(world.fake, customer, SUPPORT_CHANNEL_ID, modal.body.data.custom_id, {
      title,
      description,
      type: 'incident',
    });
    const [deferral, reply] = await world.fake.answered(submitted, 2);
    expect(deferral.body).toMatchObject({
      type: InteractionResponseType.DeferredChannelMessageWithSource,
      data: { flags: MessageFlags.Ephemeral },
    });
    const number = Number(/#(\d+)/.exec(reply.body.content)![1]);
    await world.deliver();
    const ticket = await world.ticket(number);
    return { number, ticket, threadId: ticket.location.discordThreadId as string };
  }

  const card = (threadId: string) => world.fake.messagesIn(threadId).find((m) => m.embeds.length > 0)!;

  test('scenario 1: /ticket, a private thread with its card, the supporter answers, pending, the customer answers, resolved', async () => {
    const carl = world.fake.user('carl');
    const { number, ticket, threadId } = await openTicket(carl, 'Printer on floor 2 jams');

    expect(ticket).toMatchObject({ status: 'open', title: 'Printer on floor 2 jams' });
    const thread = world.fake.channels.get(threadId);
    expect(thread).toMatchObject({
      type: ChannelType.PrivateThread,
      parent_id: SUPPORT_CHANNEL_ID,
      name: `#${number} Printer on floor 2 jams`,
    });
    expect(world.fake.requestsTo('POST', /\/channels\/\d+\/threads$/)[0].body).toMatchObject({
      type: ChannelType.PrivateThread,
      invitable: false,
    });
    expect([...world.fake.threadMembers.get(threadId)!]).toEqual(expect.arrayContaining([carl.id, tina.id]));
    expect(card(threadId).embeds[0].title).toBe(`#${number} Printer on floor 2 jams`);
    expect(card(threadId).embeds[0].fields).toEqual(
      expect.arrayContaining([{ name: 'Assignee', value: 'Tina', inline: true }]),
    );
    // The customer's "opened" notice is the card's text: one message, not two.
    expect(card(threadId).content).toContain(`Your ticket #${number} "Printer on floor 2 jams" is open`);
    expect(world.fake.messagesIn(threadId)).toHaveLength(1);
    // Each person is added once: the queued "assigned" member add finds Tina already there.
    expect(world.fake.requestsTo('PUT', new RegExp(`/channels/${threadId}/thread-members/`))).toHaveLength(2);
    // The card was drawn with its assignee, so the queued "assigned" card refresh edited nothing.
    expect(
      world.fake.requestsTo('PATCH', new RegExp(`/channels/${threadId}/messages/${card(threadId).id}$`)),
    ).toHaveLength(0);
    // The private reply to the form now points at the thread; the token is not kept after use.
    const replyEdits = world.fake.requestsTo('PATCH', /\/webhooks\/\d+\/[^/]+\/messages\/(@original|%40original)$/);
    expect(replyEdits.some((r) => String(r.body?.content).includes(`<#${threadId}>`))).toBe(true);
    expect((await world.ticket(number)).location.discordInteractionToken).toBe('');
    // Assigned at once, so nothing waits in the staff channel's queue.
    expect(world.fake.messagesIn(STAFF_CHANNEL_ID)).toEqual([]);

    world.fake.say(tina, threadId, 'Which tray is it?');
    await eventuallyPasses(async () => expect((await world.comments(number)).length).toBe(1));
    expect((await world.ticket(number)).first_response_at).not.toBeNull();

    const pending = await pressButton(world.fake, tina, card(threadId), `ticket:pending:${number}`, true);
    await world.fake.answered(pending, 2);
    expect((await world.ticket(number)).status).toBe('pending');
    await world.deliver();
    expect(card(threadId).embeds[0].fields).toEqual(
      expect.arrayContaining([{ name: 'Status', value: 'pending', inline: true }]),
    );

    world.fake.say(carl, threadId, 'Tray 2.');
    await eventuallyPasses(async () => expect((await world.ticket(number)).status).toBe('open'));

    const resolve = await pressButton(world.fake, tina, card(threadId), `ticket:resolve:${number}`, true);
    const answers = await world.fake.answered(resolve, 2);
    expect(answers[1].body.content).toBe(`#${number} is resolved.`);
    await world.deliver();
    expect(await world.ticket(number)).toMatchObject({ status: 'resolved', resolution: 'resolved_by_staff' });
    expect(world.fake.channels.get(threadId).thread_metadata.archived).toBe(true);
    const said = world.fake.messagesIn(threadId).map((m) => m.content);
    expect(said).toEqual(
      expect.arrayContaining([
        expect.stringContaining(`Your ticket #${number} "Printer on floor 2 jams" is open`),
        expect.stringContaining('waiting for your answer'),
        expect.stringContaining('was resolved by support'),
      ]),
    );
    // Tina's and Carl's own messages were not posted again by the bot.
    expect(said.filter((c) => c.includes('Which tray'))).toHaveLength(1);
  });

  test('a bad form input gets a private answer naming the problem, and nothing is stored', async () => {
    const dora = world.fake.user('dora');
    const before = (await world.db.dataSource.query(`SELECT count(*)::int AS n FROM ticket`))[0].n;
    const empty = await submitTicketForm(world.fake, dora, SUPPORT_CHANNEL_ID, 'ticket-form', {
      title: '   ',
      description: 'Something',
      type: 'incident',
    });
    const [, emptyAnswer] = await world.fake.answered(empty, 2);
    expect(emptyAnswer.body.content).toContain("The title can't be empty");
    // Discord's max_length would stop this in the client; sent anyway, the core refuses it too.
    const long = await submitTicketForm(world.fake, dora, SUPPORT_CHANNEL_ID, 'ticket-form', {
      title: 'Too long',
      description: 'x'.repeat(5000),
      type: 'incident',
    });
    const [deferral, longAnswer] = await world.fake.answered(long, 2);
    expect(deferral.body.data.flags).toBe(MessageFlags.Ephemeral);
    expect(longAnswer.body.content).toContain('The description is 5000 characters; the limit is 3000');
    // What was typed comes back as a file, so nothing is lost.
    expect(longAnswer.body.files[0].filename).toBe('ticket-draft.txt');
    expect((await world.db.dataSource.query(`SELECT count(*)::int AS n FROM ticket`))[0].n).toBe(before);
  });

  test('a customer pressing a staff button is refused privately and nothing changes', async () => {
    const ed = world.fake.user('ed');
    const { number, threadId } = await openTicket(ed, 'VPN drops every hour');
    const press = await pressButton(world.fake, ed, card(threadId), `ticket:resolve:${number}`);
    const [deferral, answer] = await world.fake.answered(press, 2);
    expect(deferral.body.data.flags).toBe(MessageFlags.Ephemeral);
    expect(answer.body.content).toMatch(/^You can't do that: only support staff can do that\.$/);
    expect(await world.ticket(number)).toMatchObject({ status: 'open', resolved_at: null });
    const escalate = await pressButton(world.fake, ed, card(threadId), `ticket:escalate:${number}`);
    expect((await world.fake.answered(escalate, 2))[1].body.content).toMatch(/^You can't do that: /);
    expect((await world.ticket(number)).tier).toBe(1);
  });

  test('a message delivered twice is stored once', async () => {
    const fay = world.fake.user('fay');
    const { number, threadId } = await openTicket(fay, 'Monitor flickers');
    const message = world.fake.say(fay, threadId, 'It flickers when cold.');
    world.fake.dispatchMessageCreate(message);
    await eventuallyPasses(async () => expect((await world.comments(number)).length).toBe(1));
    await new Promise((r) => setTimeout(r, 200));
    const stored = await world.comments(number);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ body: 'It flickers when cold.', platform_message_id: message.id });
  });

  test('a 429 on thread creation is retried by the dispatcher: one thread, after the wait', async () => {
    const gus = world.fake.user('gus');
    const threadsBefore = world.fake.threadsIn(SUPPORT_CHANNEL_ID).length;
    world.fake.failNext('POST', /\/channels\/\d+\/threads$/, 429, 2);
    const start = world.clock.now().getTime();
    const { number, threadId } = await openTicket(gus, 'Keyboard missing keys');
    expect(world.fake.threadsIn(SUPPORT_CHANNEL_ID).length).toBe(threadsBefore + 1);
    expect(threadId).toBeDefined();
    expect(card(threadId).embeds[0].title).toBe(`#${number} Keyboard missing keys`);
    // The second try waited out Retry-After (2 s) on the dispatcher's clock.
    expect(world.clock.now().getTime() - start).toBeGreaterThanOrEqual(2000);
    const [row] = await world.db.dataSource.query(
      `SELECT status, attempts FROM delivery WHERE kind = 'ticket.created' AND ticket_id = (SELECT id FROM ticket WHERE number = $1)`,
      [number],
    );
    expect(row.status).toBe('sent');
  });

  test('an internal note via /note goes to the staff thread and never to the customer', async () => {
    const hal = world.fake.user('hal');
    const { number, threadId } = await openTicket(hal, 'Shared drive is read-only');
    const customerThreadBefore = world.fake.messagesIn(threadId).length;
    const note = await slashCommand(
      world.fake,
      tina,
      'note',
      threadId,
      [stringOption('text', 'Probably the quota again.')],
      true,
    );
    const [, answer] = await world.fake.answered(note, 2);
    expect(answer.body.content).toContain(`Internal note added to #${number}`);
    await world.deliver();
    const [stored] = await world.comments(number);
    expect(stored).toMatchObject({ kind: 'internal', body: 'Probably the quota again.' });
    const staffThreadId = (await world.ticket(number)).location.discordStaffThreadId;
    expect(world.fake.channels.get(staffThreadId).parent_id).toBe(STAFF_CHANNEL_ID);
    expect(world.fake.messagesIn(staffThreadId).map((m) => m.content)).toEqual([
      expect.stringContaining('Probably the quota again.'),
    ]);
    expect(world.fake.messagesIn(threadId).length).toBe(customerThreadBefore);
    expect(JSON.stringify(world.fake.messagesIn(threadId))).not.toContain('quota');
  });

  test('messages sent while the bot was offline are stored when it reconnects', async () => {
    const ida = world.fake.user('ida');
    const { number, threadId } = await openTicket(ida, 'Laptop fan is loud');
    world.fake.say(ida, threadId, 'It started after the update.');
    await eventuallyPasses(async () => expect((await world.comments(number)).length).toBe(1));
    await world.disconnect();
    world.fake.sayOffline(ida, threadId, 'Now it also gets hot.');
    world.fake.sayOffline(tina, threadId, 'I will bring a new one.');
    await world.connect();
    const stored = await world.comments(number);
    expect(stored.map((c: { body: string }) => c.body)).toEqual([
      'It started after the update.',
      'Now it also gets hot.',
      'I will bring a new one.',
    ]);
  });

  test('scenario 2: escalated tier 1 → 2 → 3 through the card and its select, then resolved', async () => {
    const uma = world.fake.user('uma');
    const vic = world.fake.user('vic');
    await world.helpdesk.staff.add(ADMIN, { person: world.ref(uma), role: '2' });
    await world.helpdesk.staff.add(ADMIN, { person: world.ref(vic), role: '3' });
    const jo = world.fake.user('jo');
    const { number, threadId } = await openTicket(jo, 'Server room too warm');

    const offer = await pressButton(world.fake, tina, card(threadId), `ticket:escalate:${number}`, true);
    const [, choice] = await world.fake.answered(offer, 2);
    const options = choice.body.components[0].components[0].options.map((o: { value: string }) => o.value);
    expect(options).toEqual(['least', uma.id]);
    const toUma = await chooseInSelect(world.fake, tina, threadId, `ticket:escalate-to:${number}`, [uma.id]);
    expect((await world.fake.answered(toUma, 2))[1].body.content).toBe(`#${number} is escalated to tier 2.`);
    const toVic = await chooseInSelect(world.fake, uma, threadId, `ticket:escalate-to:${number}`, ['least']);
    expect((await world.fake.answered(toVic, 2))[1].body.content).toBe(`#${number} is escalated to tier 3.`);
    await world.deliver();
    const [vicPerson] = await world.db.dataSource.query(
      `SELECT p.id FROM person p JOIN identity i ON i.person_id = p.id WHERE i.platform_user_id = $1`,
      [vic.id],
    );
    expect(await world.ticket(number)).toMatchObject({ tier: 3, assignee_id: vicPerson.id });
    expect([...world.fake.threadMembers.get(threadId)!]).toEqual(
      expect.arrayContaining([jo.id, tina.id, uma.id, vic.id]),
    );
    expect(card(threadId).embeds[0].fields).toEqual(
      expect.arrayContaining([
        { name: 'Tier', value: '3', inline: true },
        { name: 'Assignee', value: 'Vic', inline: true },
      ]),
    );
    // Tier 3 is the top: the card no longer offers Escalate.
    expect(JSON.stringify(card(threadId).components)).not.toContain(`ticket:escalate:${number}`);

    const resolve = await pressButton(world.fake, vic, card(threadId), `ticket:resolve:${number}`, true);
    await world.fake.answered(resolve, 2);
    expect((await world.ticket(number)).status).toBe('resolved');
  });

  test("a customer's message in a thread resolved longer ago than REOPEN_DAYS opens a follow-up, and is its first comment in the new thread", async () => {
    const lena = world.fake.user('lena');
    const old = await openTicket(lena, 'Scanner sends blank pages');
    await world.helpdesk.tickets.resolve(world.ref(tina), { ticketNumber: old.number });
    await world.deliver();
    expect(world.fake.channels.get(old.threadId).thread_metadata.archived).toBe(true);

    world.clock.advance(15 * DAY);
    const late = world.fake.say(lena, old.threadId, 'It is blank again since Monday.');
    let followUp = 0;
    await eventuallyPasses(async () => {
      const [row] = await world.db.dataSource.query(`SELECT number FROM ticket WHERE follow_up_of_id = $1`, [
        old.ticket.id,
      ]);
      followUp = row.number;
    });
    await world.deliver();
    expect(await world.ticket(old.number)).toMatchObject({ status: 'resolved' });
    const [comment] = await world.comments(followUp);
    expect(comment).toMatchObject({ body: 'It is blank again since Monday.', platform_message_id: late.id });
    const newThread = (await world.ticket(followUp)).location.discordThreadId;
    expect(newThread).not.toBe(old.threadId);
    const said = world.fake.messagesIn(newThread).map((m) => m.content);
    // The card (with the "opened" notice), then the customer's message: the follow-up's first comment.
    expect(said).toEqual([
      expect.stringContaining(`Your ticket #${followUp}`),
      '**Lena:** It is blank again since Monday.',
    ]);
    // The old thread tells the customer where it went, and has their message once (their own).
    const oldSaid = world.fake.messagesIn(old.threadId).map((m) => m.content);
    expect(oldSaid.filter((c: string) => c.includes('blank again'))).toHaveLength(1);
    expect(oldSaid).toEqual(expect.arrayContaining([expect.stringContaining(`opened a new ticket #${followUp}`)]));
  });

  test('register-commands PUTs the command definitions to the guild', async () => {
    const { count, inviteUrl } = await registerCommands({
      DISCORD_TOKEN: 'fake-token',
      DISCORD_API_URL: world.fake.apiUrl,
      DISCORD_GUILD_ID: '100000000000000001',
    });
    expect(count).toBe(7); // ticket, note, reply, tickets, kb, helpdesk and the message command
    expect(inviteUrl).toMatch(
      /^https:\/\/discord.com\/oauth2\/authorize\?client_id=\d+&scope=bot%20applications.commands&permissions=\d+/,
    );
    const [put] = world.fake.requestsTo('PUT', /\/applications\/\d+\/guilds\/\d+\/commands$/);
    expect(put.body.map((c: { name: string }) => c.name)).toEqual([
      'ticket',
      'note',
      'reply',
      'tickets',
      'kb',
      'helpdesk',
      'Open a ticket from this message',
    ]);
  });
  test('attachments are downloaded and kept; edits keep the old text; deletes are marks', async () => {
    const kim = world.fake.user('kim');
    const { number, threadId } = await openTicket(kim, 'Error dialog on start');
    const message = world.fake.say(kim, threadId, 'See the screenshot.', {
      attachments: [{ filename: 'error.png', data: Buffer.from('png-bytes'), contentType: 'image/png' }],
    });
    await eventuallyPasses(async () => expect((await world.comments(number)).length).toBe(1));
    const [file] = await world.db.dataSource.query(
      `SELECT a.filename, a.data FROM attachment a JOIN comment c ON c.id = a.comment_id WHERE c.platform_message_id = $1`,
      [message.id],
    );
    expect(file.filename).toBe('error.png');
    expect(Buffer.from(file.data).toString()).toBe('png-bytes');

    world.fake.edit(kim, threadId, message.id, 'See the screenshot (taken at 9:05).');
    await eventuallyPasses(async () =>
      expect((await world.comments(number))[0].body).toBe('See the screenshot (taken at 9:05).'),
    );
    const [revision] = await world.db.dataSource.query(
      `SELECT r.body FROM comment_revision r JOIN comment c ON c.id = r.comment_id WHERE c.platform_message_id = $1`,
      [message.id],
    );
    expect(revision.body).toBe('See the screenshot.');
    world.fake.remove(threadId, message.id);
    await eventuallyPasses(async () => expect((await world.comments(number))[0].deleted_at).not.toBeNull());
  });
});
