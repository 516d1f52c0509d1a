import { InteractionResponseType, MessageFlags } from 'discord.js';
import { Writable } from 'node:stream';
import { SUPPORT_CHANNEL_ID, type FakeUser } from '../../src/simulator/discord/fake-discord';
import { integerOption, pressButton, subcommand, submitModal } from '../../src/simulator/discord/interactions';
import { createLogger } from '../../src/log';
import { DiscordWorld } from '../fakes/discord/harness';
import { storedState } from '../helpers/snapshot';

/** Inputs the fuzz suite found answered badly on Discord, each with the answer it now gets. */
describe('Discord: controls and messages the helpdesk did not expect', () => {
  const errors: string[] = [];
  const logger = createLogger(
    'error',
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        errors.push(JSON.parse(chunk.toString('utf8')).msg);
        done();
      },
    }),
  );
  let world: DiscordWorld;
  let tina: FakeUser;
  let cora: FakeUser;
  let ticket: { number: number; threadId: string };

  beforeAll(async () => {
    world = await new DiscordWorld({ logger }).start();
    ({ tina } = await world.addStaff());
    cora = world.fake.user('cora');
    ticket = await world.openTicket(cora, 'Printer jams');
    errors.length = 0;
  });
  afterAll(async () => {
    await world?.stop();
  });

  const card = () => world.fake.messagesIn(ticket.threadId).find((m) => m.embeds.length > 0)!;
  const answerTo = async (id: string) => (await world.fake.answered(id, 1))[0].body;

  test('a button or a form no handler knows gets a private answer instead of "This interaction failed"; nothing changes', async () => {
    const before = await storedState(world.db.dataSource);
    for (const customId of ['ticket:claim:-1', 'ticket:no-such-action:1', 'something-else']) {
      const answer = await answerTo(await pressButton(world.fake, tina, card(), customId, true));
      expect(answer).toMatchObject({
        type: InteractionResponseType.ChannelMessageWithSource,
        data: { flags: MessageFlags.Ephemeral },
      });
      expect(answer.data.content).toContain('not one the helpdesk knows');
    }
    const form = await answerTo(await submitModal(world.fake, cora, SUPPORT_CHANNEL_ID, 'no-such-form:1', { x: 'y' }));
    expect(form.data.content).toContain('not one the helpdesk knows');
    expect(await storedState(world.db.dataSource)).toEqual(before);
    expect(errors).toEqual([]);
  });

  test('a form that comes back without one of its fields is answered plainly, not logged as our failure', async () => {
    const id = await submitModal(world.fake, cora, ticket.threadId, `rating-comment:${ticket.number}`, {});
    const [, edit] = await world.fake.answered(id, 2);
    expect(edit.body.content).toBe('That form came back without all of its fields. Please open it again.');
    expect(errors).toEqual([]);
  });

  test("a select's custom id sent on a button picks nothing and is answered", async () => {
    const answer = await answerTo(await pressButton(world.fake, cora, card(), 'guide:service', false));
    expect(JSON.stringify(answer)).not.toContain('Something went wrong');
    expect(errors).toEqual([]);
  });

  test("a stranger's message in a ticket's thread, and an edit of someone else's message, are refusals, not failures", async () => {
    const before = await storedState(world.db.dataSource);
    const ole = world.fake.user('ole');
    const said = world.fake.say(ole, ticket.threadId, 'I am not the customer');
    world.fake.edit(ole, ticket.threadId, world.fake.messagesIn(ticket.threadId)[0].id, 'rewritten');
    await world.settled();
    expect(said.id).toBeDefined();
    expect(await storedState(world.db.dataSource)).toEqual(before);
    expect(errors).toEqual([]);
  });

  test('an id past what the store holds is refused with a clear answer, not a database error', async () => {
    const answer = await world.command(cora, 'kb', [subcommand('read', [integerOption('id', 99_999_999_999)])]);
    expect(answer.content).toContain('larger than any the helpdesk gives');
    expect(errors).toEqual([]);
  });
});
