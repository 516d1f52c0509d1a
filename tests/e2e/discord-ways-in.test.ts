import { ChannelType, InteractionResponseType, MessageFlags } from 'discord.js';
import { staffedWorldForFile } from '../fakes/discord/harness';
import { SUPPORT_CHANNEL_ID, type FakeUser } from '../../src/simulator/discord/fake-discord';
import { chooseInSelect, messageCommand, pressButton } from '../../src/simulator/discord/interactions';
import { ADMIN } from '../helpers/people';

/** Tickets from a DM to the bot and from the message command, through the real discord.js and the fake Discord. */
const shared = staffedWorldForFile();

const ticketCount = async () =>
  (await shared.world.db.dataSource.query(`SELECT count(*)::int AS n FROM ticket`))[0].n as number;
const dmOf = (user: FakeUser) =>
  [...shared.world.fake.channels.values()].find((c) => c.type === ChannelType.DM && c.recipients[0].id === user.id);
const buttonIds = (message: any): string[] =>
  (message.components?.[0]?.components ?? []).map((b: { custom_id: string }) => b.custom_id);

/** `user` DMs the bot; the bot's messages in that DM afterwards. */
async function dm(user: FakeUser, content: string) {
  const { world } = shared;
  const message = world.fake.dm(user, content);
  await world.settled();
  const channel = dmOf(user)!;
  return { message, botMessages: world.fake.messagesIn(channel.id).filter((m) => m.author.id === world.fake.bot.id) };
}

describe('a DM to the bot', () => {
  test('becomes a ticket only after Open, and the DM then points to its private thread', async () => {
    const { world } = shared;
    const nora = world.fake.user('nora');
    const before = await ticketCount();
    const { message, botMessages } = await dm(nora, 'The scanner on floor 2 jams\nEvery page since Monday');
    expect(botMessages).toHaveLength(1);
    const question = botMessages[0];
    expect(question.content).toContain('Open a ticket with this message?');
    expect(buttonIds(question)).toEqual([
      `waysin:open:${message.channel_id}:${message.id}`,
      `waysin:cancel:${message.channel_id}:${message.id}`,
    ]);
    expect(await ticketCount()).toBe(before);

    const pressed = await pressButton(world.fake, nora, question, buttonIds(question)[0]);
    const answers = await world.fake.answered(pressed, 2);
    expect(answers[0].body).toMatchObject({
      type: InteractionResponseType.UpdateMessage,
      data: { content: 'Opening the ticket…', components: [] },
    });
    const [row] = await world.db.dataSource.query(
      `SELECT t.number, t.title, t.description, t.type, i.platform_user_id AS customer
       FROM ticket t JOIN identity i ON i.person_id = t.customer_id ORDER BY t.id DESC LIMIT 1`,
    );
    expect(row).toMatchObject({
      title: 'The scanner on floor 2 jams',
      description: 'The scanner on floor 2 jams\nEvery page since Monday',
      type: 'incident',
      customer: nora.id,
    });
    expect(answers[1].body.content).toBe(`Ticket #${row.number} is open.`);
    await world.deliver();
    const threadId = (await world.ticket(row.number)).location.discordThreadId;
    expect(world.fake.threadsIn(SUPPORT_CHANNEL_ID).map((t) => t.id)).toContain(threadId);
    expect(world.fake.answers.get(pressed)!.at(-1)!.body.content).toContain(`<#${threadId}>`);
    expect(world.fake.threadMembers.get(threadId)?.has(nora.id)).toBe(true);
  });

  test('a second DM while the question is open updates it, and Cancel stores nothing', async () => {
    const { world } = shared;
    const olga = world.fake.user('olga');
    const first = await dm(olga, 'Printer offline');
    const second = await dm(olga, 'Actually: the whole network is down');
    expect(second.botMessages).toHaveLength(1);
    const question = second.botMessages[0];
    expect(question.id).toBe(first.botMessages[0].id);
    expect(question.content).toContain('the whole network is down');
    expect(buttonIds(question)[0]).toBe(`waysin:open:${second.message.channel_id}:${second.message.id}`);
    const before = await ticketCount();
    const pressed = await pressButton(world.fake, olga, question, buttonIds(question)[1]);
    const [answer] = await world.fake.answered(pressed, 1);
    expect(answer.body.data.content).toBe('No ticket was opened.');
    expect(await ticketCount()).toBe(before);
  });

  test('the open question is kept in the database: after a restart a second DM still updates it', async () => {
    const { world } = shared;
    const pete = world.fake.user('pete');
    const first = await dm(pete, 'Laptop fan is loud');
    const [kept] = await world.db.dataSource.query(
      `SELECT channel_id, question_id FROM dm_question WHERE platform = 'discord' AND user_id = $1`,
      [pete.id],
    );
    expect(kept).toEqual({ channel_id: first.message.channel_id, question_id: first.botMessages[0].id });
    await world.disconnect();
    await world.connect();
    const second = await dm(pete, 'Laptop fan is loud, and now it is hot too');
    expect(second.botMessages).toHaveLength(1);
    expect(second.botMessages[0].id).toBe(first.botMessages[0].id);
    expect(second.botMessages[0].content).toContain('now it is hot too');
    await world.fake.answered(
      await pressButton(world.fake, pete, second.botMessages[0], buttonIds(second.botMessages[0])[1]),
      1,
    );
    expect(await world.db.dataSource.query(`SELECT 1 FROM dm_question WHERE user_id = $1`, [pete.id])).toEqual([]);
  });

  test('a customer over MAX_OPEN_TICKETS is told why in the DM, and nothing is stored', async () => {
    const { world } = shared;
    const uma = world.fake.user('uma');
    await world.helpdesk.tickets.open(world.ref(uma), { title: 'First', description: 'One', type: 'incident' });
    const ctx = world.helpdesk.ctx as { policy: typeof world.helpdesk.ctx.policy };
    const policy = ctx.policy;
    ctx.policy = { ...policy, maxOpenTickets: 1 };
    try {
      const before = await ticketCount();
      const { botMessages } = await dm(uma, 'A second problem');
      expect(botMessages.map((m) => m.content)).toEqual([
        expect.stringContaining("You can't open another ticket: you have 1 unresolved tickets, and 1 is the most"),
      ]);
      expect(buttonIds(botMessages[0])).toEqual([]);
      expect(await ticketCount()).toBe(before);
      expect(await world.db.dataSource.query(`SELECT 1 FROM dm_question WHERE user_id = $1`, [uma.id])).toEqual([]);
    } finally {
      ctx.policy = policy;
    }
  });

  test("with services in the catalog, the guide's service select asks which first, and the pick opens the ticket", async () => {
    const { world } = shared;
    const printing = await world.helpdesk.catalog.add(ADMIN, { name: 'Printing' });
    try {
      const vera = world.fake.user('vera');
      const { message, botMessages } = await dm(vera, 'Printer on floor 3 prints blank pages');
      const question = botMessages[0];
      expect(question.content).toContain('Which service is it about?');
      const select = question.components[0].components[0];
      expect(select.custom_id).toBe(`waysin:service:${message.channel_id}:${message.id}`);
      expect(select.options.map((o: { label: string }) => o.label)).toContain('Printing');
      expect(question.components[1].components.map((b: { custom_id: string }) => b.custom_id)).toEqual([
        `waysin:cancel:${message.channel_id}:${message.id}`,
      ]);
      const before = await ticketCount();
      const picked = await chooseInSelect(
        world.fake,
        vera,
        message.channel_id,
        select.custom_id,
        [String(printing.id)],
        3,
        false,
      );
      await world.fake.answered(picked, 2);
      expect(await ticketCount()).toBe(before + 1);
      const [row] = await world.db.dataSource.query(
        `SELECT t.title, t.service_id, i.platform_user_id AS customer FROM ticket t
         JOIN identity i ON i.person_id = t.customer_id ORDER BY t.id DESC LIMIT 1`,
      );
      expect(row).toEqual({
        title: 'Printer on floor 3 prints blank pages',
        service_id: printing.id,
        customer: vera.id,
      });
    } finally {
      await world.helpdesk.catalog.remove(ADMIN, { id: printing.id });
    }
  });

  test("a stranger's DM (not a member of the server) does nothing", async () => {
    const { world } = shared;
    const stranger = world.fake.user('stranger');
    world.fake.outsiders.add(stranger.id);
    const before = await ticketCount();
    const { botMessages } = await dm(stranger, 'Hello, open me a ticket');
    expect(botMessages).toEqual([]);
    expect(await ticketCount()).toBe(before);
  });
});

describe('the message command "Open a ticket from this message"', () => {
  test("is refused privately for a customer on someone else's message, and stores nothing", async () => {
    const { world } = shared;
    const pia = world.fake.user('pia');
    const quinn = world.fake.user('quinn');
    const message = world.fake.say(quinn, SUPPORT_CHANNEL_ID, "Quinn's monitor is dead");
    await world.settled();
    const before = await ticketCount();
    const used = await messageCommand(world.fake, pia, 'Open a ticket from this message', message);
    const [answer] = await world.fake.answered(used, 1);
    expect(answer.body).toMatchObject({
      type: InteractionResponseType.ChannelMessageWithSource,
      data: { flags: MessageFlags.Ephemeral },
    });
    expect(answer.body.data.content).toContain('You can only open a ticket from a message you wrote yourself');
    expect(await ticketCount()).toBe(before);
  });

  test("works for staff on the author's behalf, privately confirmed", async () => {
    const { world, tina } = shared;
    const rosa = world.fake.user('rosa');
    const message = world.fake.say(rosa, SUPPORT_CHANNEL_ID, 'Badge reader at the back door is dead');
    await world.settled();
    const used = await messageCommand(world.fake, tina, 'Open a ticket from this message', message, true);
    const [answer] = await world.fake.answered(used, 1);
    expect(answer.body).toMatchObject({
      type: InteractionResponseType.ChannelMessageWithSource,
      data: { flags: MessageFlags.Ephemeral },
    });
    expect(answer.body.data.content).toContain(`Open a ticket for <@${rosa.id}> with this message?`);
    const open = answer.body.data.components[0].components[0].custom_id;
    const pressed = await pressButton(world.fake, tina, { ...message, flags: MessageFlags.Ephemeral }, open, true);
    await world.fake.answered(pressed, 2);
    const [row] = await world.db.dataSource.query(
      `SELECT i.platform_user_id AS customer, o.platform_user_id AS opener FROM ticket t
       JOIN identity i ON i.person_id = t.customer_id JOIN identity o ON o.person_id = t.opened_by_id
       WHERE t.title = 'Badge reader at the back door is dead'`,
    );
    expect(row).toEqual({ customer: rosa.id, opener: tina.id });
    const [{ number }] = await world.db.dataSource.query(
      `SELECT number FROM ticket WHERE title = 'Badge reader at the back door is dead'`,
    );
    const link = `https://discord.com/channels/${message.guild_id ?? world.settings.DISCORD_GUILD_ID}/${SUPPORT_CHANNEL_ID}/${message.id}`;
    const comments = await world.comments(number);
    expect(comments.map((c: { body: string }) => c.body)).toEqual([`Opened from this message: ${link}`]);
    await world.deliver();
    const threadId = (await world.ticket(number)).location.discordThreadId;
    expect(world.fake.messagesIn(threadId).some((m) => m.content?.includes(link))).toBe(true);
  });
});
