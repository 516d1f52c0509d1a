import { ChannelType, InteractionResponseType, MessageFlags } from 'discord.js';
import { staffedWorldForFile } from '../fakes/discord/harness';
import { SUPPORT_CHANNEL_ID, type FakeUser } from '../../src/simulator/discord/fake-discord';
import { messageCommand, pressButton } from '../../src/simulator/discord/interactions';

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
