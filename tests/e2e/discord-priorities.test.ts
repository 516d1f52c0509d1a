import { ApplicationCommandOptionType, ComponentType, InteractionResponseType, MessageFlags } from 'discord.js';
import { MINUTE } from '../../src/core/clock';
import { sweepSlaClocks } from '../../src/jobs/sla-sweep';
import { STAFF_CHANNEL_ID, SUPPORT_CHANNEL_ID, type FakeUser } from '../../src/simulator/discord/fake-discord';
import { DiscordWorld } from '../fakes/discord/harness';
import {
  answerText,
  ephemeralMessage,
  integerOption,
  pressButton,
  slashCommand,
  stringOption,
  subcommand,
  submitModal,
  submitTicketForm,
  userOption,
  type Option,
} from '../../src/simulator/discord/interactions';

/** Priorities and SLAs on Discord, end to end: impact and urgency in the form, the queue's order, ratings, `/helpdesk sla` and `/helpdesk stats`. */
describe('Discord priorities, SLA and ratings, end to end', () => {
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

  async function run(who: FakeUser, command: string, options: Option[], staff = false) {
    const id = await slashCommand(world.fake, who, command, SUPPORT_CHANNEL_ID, options, staff);
    const [, answer] = await world.fake.answered(id, 2);
    return answer.body;
  }

  async function openTicket(customer: FakeUser, title: string, impact: string, urgency: string) {
    const command = await slashCommand(world.fake, customer, 'ticket', SUPPORT_CHANNEL_ID);
    const [modal] = world.fake.answers.get(command)!;
    const submitted = await submitTicketForm(world.fake, customer, SUPPORT_CHANNEL_ID, modal.body.data.custom_id, {
      title,
      description: 'Details here.',
      type: 'incident',
      impact,
      urgency,
    });
    const [, reply] = await world.fake.answered(submitted, 2);
    const number = Number(/#(\d+)/.exec(reply.body.content)![1]);
    await world.deliver();
    return { number, threadId: (await world.ticket(number)).location.discordThreadId as string };
  }

  const card = (threadId: string) => world.fake.messagesIn(threadId).find((m) => m.embeds.length > 0)!;
  const field = (threadId: string, name: string) =>
    card(threadId).embeds[0].fields.find((f: { name: string }) => f.name === name)?.value;

  test('the form asks for impact and urgency (required selects, with the core labels); everyone + blocked gives P1 on the card, with its SLA', async () => {
    const command = await slashCommand(world.fake, world.fake.user('ada'), 'ticket', SUPPORT_CHANNEL_ID);
    const [modal] = world.fake.answers.get(command)!;
    expect(modal.body.type).toBe(InteractionResponseType.Modal); // the modal is the first answer
    const selects = modal.body.data.components
      .map((label: any) => label.component)
      .filter((c: any) => c.type === ComponentType.StringSelect);
    expect(selects.map((s: any) => [s.custom_id, s.required])).toEqual([
      ['type', true],
      ['impact', true],
      ['urgency', true],
    ]);
    expect(selects[1].options.map((o: any) => o.label)).toEqual(['Just me', 'My team', 'Everyone']);
    expect(selects[2].options.map((o: any) => o.label)).toEqual(['I can work', 'Degraded', 'Blocked']);
    expect(modal.body.data.components).toHaveLength(5);

    const { number, threadId } = await openTicket(world.fake.user('ada'), 'Nobody can log in', 'everyone', 'blocked');
    expect(await world.ticket(number)).toMatchObject({ priority: 'P1', impact: 'everyone', urgency: 'blocked' });
    expect(field(threadId, 'Priority')).toBe('P1 critical');
    expect(field(threadId, 'SLA')).toMatch(/^first response due \d{4}-\d\d-\d\d \d\d:\d\d UTC$/);
  });

  test("an unassigned ticket's SLA warning and its breach are posted in the staff channel, never in the customer's thread", async () => {
    await world.helpdesk.staff.setAway(world.ref(tina), { away: true });
    // Nobody takes it while Tina is away (her return would hand it to her, and warn her instead).
    const { number, threadId } = await openTicket(
      world.fake.user('hal'),
      'Payroll system is down',
      'everyone',
      'blocked',
    ); // P1: first response in 1 h
    const staffSaid = () =>
      world.fake
        .messagesIn(STAFF_CHANNEL_ID)
        .map((m) => m.content)
        .filter((c) => c.includes(`#${number} `));
    world.clock.advance(48 * MINUTE);
    await sweepSlaClocks(world.helpdesk.ctx, world.clock.now());
    await world.deliver();
    expect(staffSaid()).toEqual(
      expect.arrayContaining([expect.stringContaining(`SLA warning: ticket #${number} "Payroll system is down"`)]),
    );
    world.clock.advance(13 * MINUTE);
    await sweepSlaClocks(world.helpdesk.ctx, world.clock.now());
    await world.deliver();
    expect(staffSaid()).toEqual(expect.arrayContaining([expect.stringContaining(`SLA breached: ticket #${number}`)]));
    expect(world.fake.messagesIn(threadId).some((m) => m.content.startsWith('SLA'))).toBe(false);
    expect(field(threadId, 'SLA')).toContain('breached: first response');
    await world.helpdesk.staff.setAway(world.ref(tina), { away: false });
  });

  test('/ticket person:@someone opens the same five-field form for staff', async () => {
    const cleo = world.fake.user('cleo');
    const command = await slashCommand(
      world.fake,
      tina,
      'ticket',
      SUPPORT_CHANNEL_ID,
      [userOption('person', cleo)],
      true,
    );
    const [modal] = world.fake.answers.get(command)!;
    expect(modal.body.data.custom_id).toBe(`ticket-form:${cleo.id}`);
    expect(modal.body.data.components.map((label: any) => label.component.custom_id)).toEqual([
      'title',
      'description',
      'type',
      'impact',
      'urgency',
    ]);
  });

  test('/tickets list shows the queue by priority (then SLA due time), with the due time', async () => {
    const ben = world.fake.user('ben');
    const low = await openTicket(ben, 'Wallpaper is ugly', 'individual', 'can_work'); // P4
    const high = await openTicket(ben, 'Team share is gone', 'team', 'blocked'); // P2
    const normal = await openTicket(ben, 'My laptop is slow', 'individual', 'blocked'); // P3
    const content: string = (await run(ben, 'tickets', [subcommand('list')])).content;
    const at = (n: number) => content.indexOf(`#${n} `);
    expect(at(high.number)).toBeGreaterThan(-1);
    expect(at(high.number)).toBeLessThan(at(normal.number));
    expect(at(normal.number)).toBeLessThan(at(low.number));
    expect(content).toMatch(new RegExp(`#${high.number} · P2 · due <t:\\d+:R>`));

    const staffView: string = (await run(tina, 'tickets', [subcommand('list', [stringOption('scope', 'all')])], true))
      .content;
    const lines = staffView.split('\n').filter((l) => /^#\d+ /.test(l));
    const priorities = lines.map((l) => l.split(' · ')[1]);
    expect(priorities).toEqual([...priorities].sort());
  });

  test('a resolution asks the customer for a rating; a second press counts once; others are refused; a comment follows', async () => {
    const dora = world.fake.user('dora');
    const { number, threadId } = await openTicket(dora, 'Mouse double-clicks', 'individual', 'degraded');
    const resolve = await pressButton(world.fake, tina, card(threadId), `ticket:resolve:${number}`, true);
    await world.fake.answered(resolve, 2);
    await world.deliver();

    const notice = world.fake.messagesIn(threadId).find((m) => m.content.includes('was resolved by support'))!;
    const buttons = notice.components[0].components;
    expect(buttons.map((b: any) => b.custom_id)).toEqual([1, 2, 3, 4, 5].map((s) => `ticket:rate-${s}:${number}`));

    const rated = await pressButton(world.fake, dora, notice, `ticket:rate-4:${number}`);
    const [deferral, thanks] = await world.fake.answered(rated, 2);
    expect(deferral.body).toMatchObject({
      type: InteractionResponseType.DeferredChannelMessageWithSource,
      data: { flags: MessageFlags.Ephemeral },
    });
    expect(thanks.body.content).toBe(`Thank you! You rated #${number} 4/5.`);
    expect(thanks.body.components[0].components[0]).toMatchObject({
      label: 'Add a comment',
      custom_id: `ticket:rate-comment:${number}`,
    });

    const again = await pressButton(world.fake, dora, notice, `ticket:rate-5:${number}`);
    expect((await world.fake.answered(again, 2))[1].body.content).toContain(`You already rated #${number} 4/5`);
    const stranger = await pressButton(world.fake, world.fake.user('eli'), notice, `ticket:rate-1:${number}`);
    expect((await world.fake.answered(stranger, 2))[1].body.content).toBe(
      `There is no ticket #${number} that you can see.`,
    );
    const rows = await world.db.dataSource.query(
      `SELECT r.score FROM rating r JOIN ticket t ON t.id = r.ticket_id WHERE t.number = $1`,
      [number],
    );
    expect(rows).toEqual([{ score: 4 }]);

    // The card shows the rating to staff once redrawn: the archived thread is opened for the edit, then archived again.
    const edits = () =>
      world.fake.requestsTo('PATCH', new RegExp(`^/channels/${threadId}$`)).map((r) => r.body.archived);
    const before = edits().length;
    await world.deliver();
    expect(field(threadId, 'Rating')).toBe('★★★★☆ (4/5)');
    expect(edits().slice(before)).toEqual([false, true]);
    expect(world.fake.channels.get(threadId).thread_metadata.archived).toBe(true);
    const shown = await run(tina, 'tickets', [subcommand('show', [integerOption('number', number)])], true);
    expect(shown.embeds[0].fields).toEqual(
      expect.arrayContaining([
        { name: 'Rating', value: '★★★★☆ (4/5)', inline: true },
        { name: 'SLA', value: 'met', inline: true },
      ]),
    );

    // "Add a comment" opens a form at once; its answer is stored with the rating.
    const ask = await pressButton(
      world.fake,
      dora,
      ephemeralMessage(world.fake, threadId, thanks.body),
      `ticket:rate-comment:${number}`,
    );
    const [form] = world.fake.answers.get(ask)!;
    expect(form.body).toMatchObject({
      type: InteractionResponseType.Modal,
      data: { custom_id: `rating-comment:${number}` },
    });
    const submitted = await submitModal(world.fake, dora, threadId, form.body.data.custom_id, {
      comment: 'Quick and friendly.',
    });
    expect((await world.fake.answered(submitted, 2))[1].body.content).toBe(`Thank you for your comment on #${number}.`);
    const [row] = await world.db.dataSource.query(
      `SELECT r.comment FROM rating r JOIN ticket t ON t.id = r.ticket_id WHERE t.number = $1`,
      [number],
    );
    expect(row.comment).toBe('Quick and friendly.');
  });

  test('/helpdesk sla set and show (admins) answer with the SLA article; a supporter is refused', async () => {
    const sla = (name: string, options: Option[] = []): Option => ({
      name: 'sla',
      type: ApplicationCommandOptionType.SubcommandGroup,
      options: [subcommand(name, options)],
    });
    const refused = await run(
      tina,
      'helpdesk',
      [sla('set', [stringOption('priority', 'P1'), stringOption('first_response', '30m')])],
      true,
    );
    expect(refused.content).toMatch(/^You can't do that: /);

    const set = await run(
      boss,
      'helpdesk',
      [
        sla('set', [
          stringOption('priority', 'P1'),
          stringOption('first_response', '30m'),
          stringOption('resolution', '2h'),
        ]),
      ],
      true,
    );
    expect(set.content).toContain('P1 critical: first response within 30m, resolved within 2h');
    const shown = await run(boss, 'helpdesk', [sla('show')], true);
    expect(shown.content).toContain('P1 critical: first response within 30m, resolved within 2h');
    expect(shown.content).toContain('around the clock');

    const hours = await run(
      boss,
      'helpdesk',
      [sla('hours', [stringOption('hours', 'Mon-Fri 08:00-16:00 Europe/Copenhagen')])],
      true,
    );
    expect(hours.content).toContain('during business hours only');
    const holiday = await run(
      boss,
      'helpdesk',
      [sla('holiday', [stringOption('action', 'add'), stringOption('date', '2026-12-24')])],
      true,
    );
    expect(holiday.content).toContain('2026-12-24');
    const bad = await run(
      boss,
      'helpdesk',
      [sla('set', [stringOption('priority', 'P2'), stringOption('resolution', 'soon')])],
      true,
    );
    expect(bad.content).toContain('"soon" is not a duration');
    await run(boss, 'helpdesk', [sla('hours', [stringOption('hours', 'off')])], true);
  });

  test('/helpdesk stats (admins) shows the figures privately; a supporter is refused; help lists the new commands by role', async () => {
    const stats = await run(boss, 'helpdesk', [subcommand('stats', [stringOption('period', '30d')])], true);
    expect(stats.content).toContain('Helpdesk figures for the last 30 days');
    expect(stats.content).toMatch(/rating 4\/5 \(1\)/);
    const refused = await run(tina, 'helpdesk', [subcommand('stats')], true);
    expect(refused.content).toMatch(/^You can't do that: /);

    const adminHelp: string = answerText(await run(boss, 'helpdesk', [subcommand('help')], true));
    expect(adminHelp).toContain('/helpdesk sla set');
    expect(adminHelp).toContain('/helpdesk stats');
    const staffHelp: string = answerText(await run(tina, 'helpdesk', [subcommand('help')], true));
    expect(staffHelp).toContain('/tickets link N PARENT');
    expect(staffHelp).not.toContain('/helpdesk sla');
    const customerHelp: string = answerText(await run(world.fake.user('fred'), 'helpdesk', [subcommand('help')]));
    expect(customerHelp).not.toContain('/tickets link');
  });
});
