import { ApplicationCommandType, ChannelType, ComponentType, InteractionType, MessageType } from 'discord.js';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { eventuallyPasses } from '../helpers/eventually';
import { DiscordWorld } from '../fakes/discord/harness';
import { pressButton, slashCommand, stringOption, subcommand } from '../../src/simulator/discord/interactions';
import { SUPPORT_CHANNEL_ID } from '../../src/simulator/discord/fake-discord';
import { storedState } from '../helpers/snapshot';
import type { FakeUser } from '../../src/simulator/discord/fake-discord';
import type { ActorRef } from '../../src/core/services/people';

/** The helpdesk's promises about who may do what, kept on Discord end to end (the real discord.js against the fake). */
describe('Discord: security, end to end', () => {
  let world: DiscordWorld;
  let tina: FakeUser; // tier-1 supporter
  let boss: FakeUser; // admin

  beforeAll(async () => {
    world = await new DiscordWorld().start();
    ({ tina, boss } = await world.addStaff());
  });
  afterAll(async () => {
    await world?.stop();
  });

  const slackUser = (id: string, name: string): ActorRef => ({ platform: 'slack', userId: id, displayName: name });
  const dmOf = (user: FakeUser) =>
    [...world.fake.channels.values()].find((c) => c.type === ChannelType.DM && c.recipients[0].id === user.id);

  test('a link code redeemed on Slack joins nothing until its Discord owner presses Confirm in a private prompt naming the redeemer', async () => {
    const given = await world.command(tina, 'helpdesk', [subcommand('link')], true);
    const code = /\*\*([A-Z0-9]{8})\*\*/.exec(given.content)![1];
    expect(await world.helpdesk.staff.link(slackUser('UTINA', 'Tina on Slack'), { code })).toEqual({
      awaitingConfirmation: 'discord',
    });
    await world.deliver();
    const dm = dmOf(tina);
    const prompt = world.fake.messagesIn(dm.id).at(-1);
    expect(prompt.content).toContain('Tina on Slack on Slack used your link code');
    const ids = prompt.components[0].components.map((b: { custom_id: string }) => b.custom_id);
    expect(ids).toEqual([`link:confirm:${code}`, `link:refuse:${code}`]);
    expect((await world.helpdesk.staff.whoAmI(slackUser('UTINA', 'Tina'))).role).toBe('customer');

    const pressed = await pressButton(world.fake, tina, prompt, `link:confirm:${code}`);
    const [, answer] = await world.fake.answered(pressed, 2);
    expect(answer.body.content).toContain('Linked');
    expect((await world.helpdesk.staff.whoAmI(slackUser('UTINA', 'Tina'))).role).toBe('supporter');
  });

  test("someone redeeming an admin's code on Discord is refused when the admin presses Refuse; nothing is joined", async () => {
    const code = ((await world.helpdesk.staff.link(world.ref(boss), {})) as { code: string }).code;
    // A code made on Discord is redeemed on Slack: the Discord command refuses it like an unknown one.
    const mallory = world.fake.user('mallory');
    const here = await world.command(mallory, 'helpdesk', [subcommand('link', [stringOption('code', code)])]);
    const unknown = await world.command(mallory, 'helpdesk', [subcommand('link', [stringOption('code', 'NOSUCH99')])]);
    expect(here.content).toBe(unknown.content);
    await world.helpdesk.staff.link(slackUser('UMALLORY', 'Mallory'), { code });
    await world.deliver();
    const prompt = world.fake.messagesIn(dmOf(boss).id).at(-1);
    expect(prompt.content).toContain('Mallory on Slack');
    // Mallory cannot answer the admin's prompt for them.
    const forged = await pressButton(
      world.fake,
      mallory,
      { ...prompt, channel_id: prompt.channel_id },
      `link:confirm:${code}`,
    );
    const [, forgedAnswer] = await world.fake.answered(forged, 2);
    expect(forgedAnswer.body.content).toBe(unknown.content);
    const refused = await pressButton(world.fake, boss, prompt, `link:refuse:${code}`);
    const [, answer] = await world.fake.answered(refused, 2);
    expect(answer.body.content).toContain('Refused');
    expect((await world.helpdesk.staff.whoAmI(slackUser('UMALLORY', 'Mallory'))).role).toBe('customer');
  });
});

describe('Discord: attachments', () => {
  let world: DiscordWorld;
  let elsewhere: http.Server;
  const asked: string[] = [];

  beforeAll(async () => {
    world = await new DiscordWorld().start();
    await world.addStaff();
    elsewhere = http.createServer((req, res) => {
      asked.push(req.url ?? '');
      res.writeHead(200).end('not from Discord');
    });
    await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    await world?.stop();
    elsewhere.closeAllConnections();
    await new Promise((resolve) => elsewhere.close(resolve));
  });

  const fileOf = async (messageId: string) =>
    (
      await world.db.dataSource.query(
        `SELECT a.filename, a.data, a.size_bytes, a.source_url FROM attachment a JOIN comment c ON c.id = a.comment_id WHERE c.platform_message_id = $1`,
        [messageId],
      )
    )[0];

  test("an attachment whose link is not on Discord's CDN is kept as its link, never fetched", async () => {
    const kim = world.fake.user('kim');
    const { number, threadId } = await world.openTicket(kim, 'A link to elsewhere');
    const url = `http://127.0.0.1:${(elsewhere.address() as AddressInfo).port}/attachments/1/2/x.png`;
    const message = world.fake.say(kim, threadId, 'See this.', {
      attachments: [{ filename: 'x.png', data: Buffer.from('x'), url }],
    });
    await eventuallyPasses(async () => expect((await world.comments(number)).length).toBe(1));
    const file = await fileOf(message.id);
    expect(file.data).toBeNull();
    expect(file.source_url).toBe(url);
    expect(asked).toEqual([]);
  });

  test('an attachment larger than it claims is cut off at ATTACHMENT_MAX_MB: kept without its data', async () => {
    const kim = world.fake.user('kim');
    const { number, threadId } = await world.openTicket(kim, 'A file that lies about its size');
    const big = Buffer.alloc(world.helpdesk.ctx.policy.attachmentMaxBytes + 1024, 7);
    const message = world.fake.say(kim, threadId, 'Small, honest.', {
      attachments: [{ filename: 'big.bin', data: big, size: 10 }],
    });
    await eventuallyPasses(async () => expect((await world.comments(number)).length).toBe(1));
    const file = await fileOf(message.id);
    expect(file.data).toBeNull();
    expect(file.size_bytes).toBeGreaterThan(world.helpdesk.ctx.policy.attachmentMaxBytes);
  });
});

describe("Discord: only the helpdesk's own server", () => {
  let world: DiscordWorld;

  beforeAll(async () => {
    world = await new DiscordWorld().start();
    await world.addStaff();
  });
  afterAll(async () => {
    await world?.stop();
  });

  test('an interaction from another server gets no answer and changes nothing', async () => {
    const eve = world.fake.user('eve');
    const before = await storedState(world.db.dataSource);
    const command = {
      type: InteractionType.ApplicationCommand,
      data: { id: 'cmd-ticket', name: 'ticket', type: ApplicationCommandType.ChatInput, options: [] },
      guild_id: '999999999999999999',
      channel_id: SUPPORT_CHANNEL_ID,
      channel: { id: SUPPORT_CHANNEL_ID, type: ChannelType.GuildText },
      member: world.fake.member(eve),
    };
    await expect(world.fake.interact(command, 1500)).rejects.toThrow();
    expect(await storedState(world.db.dataSource)).toEqual(before);
    // The same command from our server is answered.
    await expect(slashCommand(world.fake, eve, 'ticket', SUPPORT_CHANNEL_ID)).resolves.toBeDefined();
  });

  test("a message in a ticket's thread said to come from another server is not stored", async () => {
    const kim = world.fake.user('kim');
    const { number, threadId } = await world.openTicket(kim, 'Guild check');
    const message = world.fake.say(kim, threadId, 'from here');
    await eventuallyPasses(async () => expect((await world.comments(number)).length).toBe(1));
    world.fake.dispatch('MESSAGE_CREATE', {
      ...message,
      id: `${BigInt(message.id) + 1n}`,
      content: 'from elsewhere',
      guild_id: '999999999999999999',
    });
    const marker = world.fake.say(kim, threadId, 'after');
    await eventuallyPasses(async () => expect((await world.comments(number)).length).toBe(2));
    expect((await world.comments(number)).map((c: { body: string }) => c.body)).toEqual(['from here', marker.content]);
  });

  test('a DM interaction is answered only for members of the server', async () => {
    const member = world.fake.user('mia');
    const outsider = world.fake.user('otto');
    world.fake.outsiders.add(outsider.id);
    const dmPress = (user: typeof member) =>
      world.fake.interact(
        {
          type: InteractionType.MessageComponent,
          data: { custom_id: 'link:refuse:ABCDEFGH', component_type: ComponentType.Button },
          channel_id: '1',
          channel: { id: '1', type: ChannelType.DM },
          user,
          message: {
            id: '111111111111111111',
            channel_id: '1',
            author: world.fake.bot,
            content: 'A prompt',
            timestamp: new Date().toISOString(),
            type: MessageType.Default,
            attachments: [],
            embeds: [],
            mentions: [],
            components: [],
          },
        },
        1500,
      );
    await expect(dmPress(outsider)).rejects.toThrow();
    await expect(dmPress(member)).resolves.toBeDefined();
  });
});
