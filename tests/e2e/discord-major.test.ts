import { InteractionResponseType, MessageFlags } from 'discord.js';
import { ADMIN } from '../helpers/people';
import { STAFF_CHANNEL_ID, SUPPORT_CHANNEL_ID, type FakeUser } from '../../src/simulator/discord/fake-discord';
import { DiscordWorld } from '../fakes/discord/harness';
import {
  integerOption,
  pressButton,
  slashCommand,
  subcommand,
  submitTicketForm,
  type Option,
} from '../../src/simulator/discord/interactions';

/** Major incidents on Discord, end to end: the proposal in the staff channel, its buttons, and `/tickets link`/`unlink`. */
describe('Discord major incidents, end to end', () => {
  let world: DiscordWorld;
  let tina: FakeUser; // tier-1 supporter

  beforeAll(async () => {
    world = await new DiscordWorld().start();
    tina = world.fake.user('tina');
    await world.helpdesk.staff.bootstrapAdmins([ADMIN]);
    await world.helpdesk.staff.add(ADMIN, { person: world.ref(tina), role: '1' });
  });
  afterAll(async () => {
    await world?.stop();
  });

  async function run(who: FakeUser, options: Option[], staff = false) {
    const id = await slashCommand(world.fake, who, 'tickets', SUPPORT_CHANNEL_ID, options, staff);
    return (await world.fake.answered(id, 2))[1].body;
  }

  async function openIncident(customer: FakeUser, title: string, description: string) {
    const command = await slashCommand(world.fake, customer, 'ticket', SUPPORT_CHANNEL_ID);
    const [modal] = world.fake.answers.get(command)!;
    const submitted = await submitTicketForm(world.fake, customer, SUPPORT_CHANNEL_ID, modal.body.data.custom_id, {
      title,
      description,
      type: 'incident',
      impact: 'team',
      urgency: 'blocked',
    });
    const [, reply] = await world.fake.answered(submitted, 2);
    await world.deliver();
    return Number(/#(\d+)/.exec(reply.body.content)![1]);
  }

  const alerts = () =>
    world.fake
      .messagesIn(STAFF_CHANNEL_ID)
      .filter((m) => m.content.includes('major incident') || m.content.includes('Major incident'));

  test('three look-alike incidents are proposed in the staff channel, one alert edited as they arrive; "Declare major incident" makes the parent, joins them, and disables the alert\'s buttons', async () => {
    const numbers: number[] = [];
    for (const name of ['ann', 'bob', 'cat']) {
      numbers.push(
        await openIncident(
          world.fake.user(name),
          'Outlook cannot connect to the mail server',
          'Outlook says it cannot connect to the mail server since this morning.',
        ),
      );
    }
    numbers.push(
      await openIncident(
        world.fake.user('dora'),
        'Outlook cannot connect to the mail server!',
        'Outlook cannot connect to the mail server.',
      ),
    );
    const proposals = alerts().filter((m) => m.content.includes('Possible major incident'));
    expect(proposals).toHaveLength(1);
    const [proposal] = proposals;
    expect(proposal.content).toContain('4 reports from 4 customers');
    for (const n of numbers) expect(proposal.content).toContain(`#${n}`);
    const [declare, dismiss] = proposal.components[0].components;
    expect(declare).toMatchObject({
      label: 'Declare major incident',
      custom_id: expect.stringMatching(/^major:declare:\d+$/),
    });
    expect(dismiss).toMatchObject({ label: 'Dismiss', custom_id: expect.stringMatching(/^major:dismiss:\d+$/) });
    // Each listed report its own "Not related".
    const notRelated = proposal.components.slice(1).flatMap((row: { components: unknown[] }) => row.components);
    expect(notRelated.map((b: { label: string }) => b.label)).toEqual(numbers.map((n) => `Not related: #${n}`));
    // Customers never see the staff channel: the proposal went nowhere else.
    for (const n of numbers) {
      const threadId = (await world.ticket(n)).location.discordThreadId;
      expect(world.fake.messagesIn(threadId).some((m) => m.content.includes('Possible major incident'))).toBe(false);
    }

    // A customer pressing it (were it ever shown) is refused by the core.
    const refused = await pressButton(world.fake, world.fake.user('ann'), proposal, declare.custom_id);
    expect((await world.fake.answered(refused, 2))[1].body.content).toMatch(/^You can't do that: /);

    const pressed = await pressButton(world.fake, tina, proposal, declare.custom_id, true);
    const [deferral, confirmed] = await world.fake.answered(pressed, 2);
    expect(deferral.body).toMatchObject({
      type: InteractionResponseType.DeferredChannelMessageWithSource,
      data: { flags: MessageFlags.Ephemeral },
    });
    const parentNumber = Number(/#(\d+)/.exec(confirmed.body.content)![1]);
    const parent = await world.ticket(parentNumber);
    expect(parent).toMatchObject({ is_major: true, priority: 'P1' });
    for (const n of numbers) expect((await world.ticket(n)).major_incident_id).toBe(parent.id);
    // Redrawn through the queue: it says how it was decided, its buttons disabled.
    await world.deliver();
    const redrawn = world.fake.messagesIn(STAFF_CHANNEL_ID).find((m) => m.id === proposal.id)!;
    expect(redrawn.content).toContain(`Declared as major incident #${parentNumber}`);
    for (const row of redrawn.components) for (const button of row.components) expect(button.disabled).toBe(true);

    expect(alerts().some((m) => m.content.includes(`#${parentNumber}`) && m !== proposal)).toBe(true);
    // Each customer hears in their own thread that it is a known problem.
    for (const n of numbers) {
      const threadId = (await world.ticket(n)).location.discordThreadId;
      expect(world.fake.messagesIn(threadId).some((m) => m.content.startsWith('This is a known problem'))).toBe(true);
    }

    // A second decision on the same proposal is refused.
    const late = await pressButton(world.fake, tina, proposal, dismiss.custom_id, true);
    expect((await world.fake.answered(late, 2))[1].body.content).toContain('already declared');
  });

  test('/tickets link and /tickets unlink (staff) join and leave a major incident; a customer is refused', async () => {
    const dan = world.fake.user('dan');
    const own = await openIncident(dan, 'Projector in room 4 flickers', 'The projector flickers every few seconds.');
    const [parent] = await world.db.dataSource.query(
      `SELECT number, id FROM ticket WHERE is_major ORDER BY id DESC LIMIT 1`,
    );

    const refused = await run(dan, [
      subcommand('link', [integerOption('number', own), integerOption('parent', parent.number)]),
    ]);
    expect(refused.content).toMatch(/^You can't do that: /);
    expect((await world.ticket(own)).major_incident_id).toBeNull();

    const linked = await run(
      tina,
      [subcommand('link', [integerOption('number', own), integerOption('parent', parent.number)])],
      true,
    );
    expect(linked.content).toBe(`#${own} is now part of major incident #${parent.number}.`);
    expect((await world.ticket(own)).major_incident_id).toBe(parent.id);
    // Ticket #1 is one of the joined reports, not the major incident itself.
    const notMajor = await run(
      tina,
      [subcommand('link', [integerOption('number', own), integerOption('parent', 1)])],
      true,
    );
    expect(notMajor.content).toContain('is not a major incident');

    const unlinked = await run(tina, [subcommand('unlink', [integerOption('number', own)])], true);
    expect(unlinked.content).toContain(`#${own} is no longer part of a major incident`);
    expect((await world.ticket(own)).major_incident_id).toBeNull();
    const again = await run(tina, [subcommand('unlink', [integerOption('number', own)])], true);
    expect(again.content).toContain('is not part of a major incident');
  });

  test('"Not related" beside one report takes it out and is remembered; "Dismiss" closes the proposal', async () => {
    const numbers: number[] = [];
    for (const name of ['eve', 'fay', 'gus']) {
      numbers.push(
        await openIncident(
          world.fake.user(name),
          'VPN client crashes on start',
          'The VPN client crashes as soon as I start it.',
        ),
      );
    }
    const proposal = alerts().find(
      (m) => m.content.includes('Possible major incident') && m.content.includes(`#${numbers[2]}`),
    )!;
    const third = proposal.components
      .flatMap((row: { components: Array<{ custom_id: string }> }) => row.components)
      .find((b: { custom_id: string }) => b.custom_id.endsWith(`:${numbers[2]}`))!;
    const pressed = await pressButton(world.fake, tina, proposal, third.custom_id, true);
    expect((await world.fake.answered(pressed, 2))[1].body.content).toBe(`Noted: #${numbers[2]} is not related.`);
    await world.deliver();
    const redrawn = () => world.fake.messagesIn(STAFF_CHANNEL_ID).find((m) => m.id === proposal.id)!;
    expect(redrawn().content).toContain('2 reports from 2 customers');
    expect((await world.ticket(numbers[2])).look_alike_dismissed_at).not.toBeNull();

    const dismissed = await pressButton(
      world.fake,
      tina,
      redrawn(),
      redrawn().components[0].components[1].custom_id,
      true,
    );
    expect((await world.fake.answered(dismissed, 2))[1].body.content).toContain('Dismissed');
    await world.deliver();
    expect(redrawn().content).toContain('dismissed');
    for (const n of numbers) expect((await world.ticket(n)).look_alike_dismissed_at).not.toBeNull();
  });
});
