import { ApplicationCommandOptionType, InteractionResponseType, MessageFlags } from 'discord.js';
import { randomUUID } from 'node:crypto';
import { ADMIN } from '../helpers/people';
import { SUPPORT_CHANNEL_ID, type FakeUser } from '../../src/simulator/discord/fake-discord';
import { DiscordWorld } from '../fakes/discord/harness';
import {
  answerText,
  chooseInSelect,
  ephemeralMessage,
  integerOption,
  pressButton,
  slashCommand,
  subcommand,
  submitModal,
  userOption,
  type Option,
} from '../../src/simulator/discord/interactions';

/** Creation guides on Discord, end to end: `/helpdesk catalog`, `/ticket`'s service select, the guide, its form, the articles offered. */
describe('Discord service catalog and creation guides, end to end', () => {
  let world: DiscordWorld;
  let tina: FakeUser; // tier-1 supporter
  let boss: FakeUser; // admin
  let printing: number;
  let phones: number;
  let jamArticle: number;

  beforeAll(async () => {
    world = await new DiscordWorld().start();
    ({ tina, boss } = await world.addStaff());
    jamArticle = (
      await world.helpdesk.knowledge.create(world.ref(tina), {
        title: 'Clearing a paper jam',
        body: 'Open the front door of the printer, pull the jammed paper out slowly.',
        visibility: 'public',
      })
    ).id;
  });
  afterAll(async () => {
    await world?.stop();
  });

  const catalog = (name: string, options: Option[] = []): Option => ({
    name: 'catalog',
    type: ApplicationCommandOptionType.SubcommandGroup,
    options: [subcommand(name, options)],
  });
  const answers = (id: string) => world.fake.answers.get(id)!;
  const buttonIds = (body: any): string[] =>
    body.components.flatMap((r: any) => r.components.map((c: any) => c.custom_id));
  const drafts = (user: FakeUser) =>
    world.db.dataSource.query(
      `SELECT d.* FROM ticket_draft d JOIN identity i ON i.person_id = d.person_id WHERE i.platform = 'discord' AND i.platform_user_id = $1 ORDER BY d.created_at`,
      [user.id],
    );
  const ticketCount = async () => (await world.db.dataSource.query(`SELECT count(*)::int AS n FROM ticket`))[0].n;

  async function helpdesk(who: FakeUser, options: Option[], staff = true) {
    const id = await slashCommand(world.fake, who, 'helpdesk', SUPPORT_CHANNEL_ID, options, staff);
    // A deferral is followed by its edit; a reply carries its message; a form is itself the answer.
    const [first] = answers(id);
    if (first.body.type === InteractionResponseType.DeferredChannelMessageWithSource)
      return (await world.fake.answered(id, 2))[1].body;
    return first.body.type === InteractionResponseType.ChannelMessageWithSource ? first.body.data : first.body;
  }

  /** `/ticket`'s select answered with `value`: the callback that updates the message (or shows a form). */
  async function pick(customer: FakeUser, value: string) {
    const id = await chooseInSelect(world.fake, customer, SUPPORT_CHANNEL_ID, 'guide:service', [value], 3, false);
    return answers(id)[0].body;
  }

  /** A guide's form, from the service's button to the private answer its submit gets (the articles offered, or the ticket). */
  async function submitGuide(
    customer: FakeUser,
    serviceId: number,
    fields: { title: string; description: string; answers?: string },
  ) {
    const guide = await pick(customer, String(serviceId));
    const shown = await pressButton(
      world.fake,
      customer,
      ephemeralMessage(world.fake, SUPPORT_CHANNEL_ID, guide.data),
      `guide:form:${serviceId}:incident`,
    );
    const modal = answers(shown)[0].body;
    const submitted = await submitModal(world.fake, customer, SUPPORT_CHANNEL_ID, modal.data.custom_id, {
      title: fields.title,
      description: fields.description,
      impact: ['individual'],
      urgency: ['degraded'],
      ...(fields.answers !== undefined ? { answers: fields.answers } : {}),
    });
    const [deferral, reply] = await world.fake.answered(submitted, 2);
    expect(deferral.body).toMatchObject({
      type: InteractionResponseType.DeferredChannelMessageWithSource,
      data: { flags: MessageFlags.Ephemeral },
    });
    return { modal, reply: reply.body };
  }

  /** Presses a button on a private guide message; resolves with what changed: the message (edited) or a private answer (follow-up). */
  async function press(customer: FakeUser, body: any, customId: string) {
    const id = await pressButton(
      world.fake,
      customer,
      ephemeralMessage(world.fake, SUPPORT_CHANNEL_ID, body),
      customId,
    );
    const [ack, next] = await world.fake.answered(id, 2);
    expect(ack.body.type).toBe(InteractionResponseType.DeferredMessageUpdate); // the message is updated, not answered anew
    return next;
  }

  test('admins add services through the form (a supporter is refused before it); the list and the edit form show them', async () => {
    expect((await helpdesk(tina, [catalog('add')])).content).toMatch(/^You can't do that: /);
    const form = await helpdesk(boss, [catalog('add')]);
    expect(form).toMatchObject({ type: InteractionResponseType.Modal, data: { custom_id: 'catalog-form' } });
    expect(form.data.components.map((l: any) => l.component.custom_id)).toEqual([
      'name',
      'description',
      'coverage',
      'checks',
      'questions',
    ]);

    const add = async (fields: Record<string, string | string[]>, who = boss) => {
      const id = await submitModal(world.fake, who, SUPPORT_CHANNEL_ID, 'catalog-form', fields, true);
      return (await world.fake.answered(id, 2))[1].body.content as string;
    };
    const refused = await add({ name: 'Mail', description: '', coverage: ['1'], checks: '', questions: '' }, tina);
    expect(refused).toMatch(/^You can't do that: /);
    const added = await add({
      name: 'Printing',
      description: 'Office printers',
      coverage: ['2'],
      checks: '- Is the printer switched on?\n\nIs there paper in the tray?',
      questions: 'Which printer (the label on its front)?',
    });
    printing = Number(/^Service (\d+) "Printing" is added \(covered, tier 2\)/.exec(added)![1]);
    phones = Number(
      /^Service (\d+)/.exec(
        await add({
          name: 'Private phones',
          description: 'Your own mobile',
          coverage: ['none'],
          checks: '',
          questions: '',
        }),
      )![1],
    );
    expect(world.helpdesk.catalog.snapshot().map((s) => s.name)).toEqual(['Printing', 'Private phones']);

    const list = await helpdesk(boss, [catalog('list')]);
    expect(list.flags).toBe(MessageFlags.Ephemeral);
    expect(list.content).toBe(
      `${printing}. Printing · covered, tier 2 · 2 checks, 1 question\n   Office printers\n${phones}. Private phones · not covered\n   Your own mobile`,
    );
    const edit = await helpdesk(boss, [catalog('edit', [integerOption('id', printing)])]);
    expect(edit.data.custom_id).toBe(`catalog-form:${printing}`);
    expect(edit.data.components[3].component.value).toBe('Is the printer switched on?\nIs there paper in the tray?');
    expect(edit.data.components[2].component.options.find((o: any) => o.default).value).toBe('2');
    expect(answerText(await helpdesk(boss, [subcommand('help')]))).toContain('/helpdesk catalog add');
  });

  test("/ticket's first answer is the service select, with no database call before it; the catalog's own words fill it", async () => {
    const ada = world.fake.user('ada');
    // Every database call goes through a query runner: none may come before the first answer. The
    // waiting-form check that follows it is held back until the answer is seen.
    const dbCalls = jest.spyOn(world.db.dataSource, 'createQueryRunner');
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const waiting = world.helpdesk.guides.waiting.bind(world.helpdesk.guides);
    const waitingCheck = jest
      .spyOn(world.helpdesk.guides, 'waiting')
      .mockImplementation(async (actor) => (await held, waiting(actor)));
    const id = await slashCommand(world.fake, ada, 'ticket', SUPPORT_CHANNEL_ID);
    expect(dbCalls).not.toHaveBeenCalled();
    release();
    await world.fake.waitFor(() => waitingCheck.mock.results.length > 0);
    await waitingCheck.mock.results[0].value;
    expect(dbCalls).toHaveBeenCalled(); // the spy does see the database: the check above means something
    dbCalls.mockRestore();
    waitingCheck.mockRestore();
    const [first] = answers(id);
    expect(first.via).toBe('callback');
    expect(first.body).toMatchObject({
      type: InteractionResponseType.ChannelMessageWithSource,
      data: {
        flags: MessageFlags.Ephemeral,
        content: 'Which service is this about? Pick "Something else" if none fits.',
      },
    });
    const select = first.body.data.components[0].components[0];
    expect(select.custom_id).toBe('guide:service');
    expect(select.options.map((o: any) => [o.value, o.label])).toEqual([
      [String(printing), 'Printing'],
      [String(phones), 'Private phones'],
      ['something-else', 'Something else'],
    ]);
    // Staff opening one on someone's behalf still get the form at once.
    const onBehalf = await slashCommand(
      world.fake,
      tina,
      'ticket',
      SUPPORT_CHANNEL_ID,
      [userOption('person', ada)],
      true,
    );
    expect(answers(onBehalf)[0].body).toMatchObject({
      type: InteractionResponseType.Modal,
      data: { custom_id: `ticket-form:${ada.id}` },
    });
  });

  test('a guide shows its checks; its form asks its question; articles are offered; "This solved it" counts a deflection and opens no ticket', async () => {
    const carl = world.fake.user('carl');
    const guide = await pick(carl, String(printing));
    expect(guide.type).toBe(InteractionResponseType.UpdateMessage);
    expect(guide.data.content).toContain('• Is there paper in the tray?');
    expect(buttonIds(guide.data)).toEqual([`guide:form:${printing}:incident`, `guide:form:${printing}:request`]);

    const before = await ticketCount();
    const { modal, reply } = await submitGuide(carl, printing, {
      title: 'Paper jam',
      description: 'The printer says paper jam in tray 2.',
      answers: 'PR-3-EAST',
    });
    expect(modal.data.components.map((l: any) => l.component.custom_id)).toEqual([
      'title',
      'description',
      'impact',
      'urgency',
      'answers',
    ]);
    expect(modal.data.components[4].label).toBe('Which printer (the label on its front)?');
    expect(reply.content).toContain('Clearing a paper jam');
    expect(reply.content).toContain(`/kb read ${jamArticle}`);
    const [draft] = await drafts(carl);
    expect(buttonIds(reply)).toEqual([`guide:solved:${draft.id}:${jamArticle}`, `guide:open:${draft.id}`]);

    const solved = await press(carl, reply, `guide:solved:${draft.id}:${jamArticle}`);
    expect(solved).toMatchObject({
      via: 'edit',
      body: { content: expect.stringContaining('Glad that helped! No ticket was opened'), components: [] },
    });
    expect(await drafts(carl)).toEqual([
      expect.objectContaining({ outcome: 'deflected', article_id: jamArticle, ticket_id: null }),
    ]);
    expect(await ticketCount()).toBe(before);
    const stats = await world.helpdesk.stats.stats(ADMIN, { period: '7d' });
    expect(stats.deflections).toEqual([{ service: 'Printing', article: 'Clearing a paper jam', count: 1 }]);

    // A second press is refused privately and changes nothing.
    const again = await press(carl, reply, `guide:open:${draft.id}`);
    expect(again).toMatchObject({
      via: 'followup',
      body: {
        flags: MessageFlags.Ephemeral,
        content: "You can't do that: That form was already answered by an article.",
      },
    });
    expect(await ticketCount()).toBe(before);
  });

  test('"Open the ticket" opens it at the service\'s owning tier, with the answer in its description', async () => {
    const dora = world.fake.user('dora');
    const { reply } = await submitGuide(dora, printing, {
      title: 'Printer shows E-52',
      description: 'Nothing prints, paper jam light is on.',
      answers: 'PR-3-WEST',
    });
    const [draft] = await drafts(dora);
    const opened = await press(dora, reply, `guide:open:${draft.id}`);
    const number = Number(/^Your ticket #(\d+) "Printer shows E-52" is open\./.exec(opened.body.content)![1]);
    await world.deliver();
    const ticket = await world.ticket(number);
    expect(ticket).toMatchObject({ tier: 2, service_id: printing, impact: 'individual', urgency: 'degraded' });
    expect(ticket.description).toBe(
      'Nothing prints, paper jam light is on.\n\nWhich printer (the label on its front)?\nPR-3-WEST',
    );
    expect(ticket.location.discordThreadId).toBeTruthy();
    expect((await drafts(dora))[0]).toMatchObject({ outcome: 'opened', ticket_id: ticket.id });
  });

  test('"Something else" opens the form at once; with no matching article the ticket opens straight away, at tier 1', async () => {
    const eve = world.fake.user('eve');
    const modal = await pick(eve, 'something-else');
    expect(modal).toMatchObject({ type: InteractionResponseType.Modal, data: { custom_id: 'guide-form:0:' } });
    expect(modal.data.components.map((l: any) => l.component.custom_id)).toEqual([
      'title',
      'description',
      'type',
      'impact',
      'urgency',
    ]);
    const id = await submitModal(world.fake, eve, SUPPORT_CHANNEL_ID, modal.data.custom_id, {
      title: 'Standing desk',
      description: 'I would like a standing desk.',
      type: ['request'],
      impact: ['individual'],
      urgency: ['can_work'],
    });
    const [, reply] = await world.fake.answered(id, 2);
    const number = Number(/^Your ticket #(\d+) "Standing desk" is open/.exec(reply.body.content)![1]);
    expect(await world.ticket(number)).toMatchObject({ type: 'request', tier: 1, service_id: null });
  });

  test('a service the helpdesk does not cover is declined politely, with the catalog article to read', async () => {
    const fred = world.fake.user('fred');
    const [article] = await world.db.dataSource.query(`SELECT id FROM article WHERE special = 'catalog'`);
    const declined = await pick(fred, String(phones));
    expect(declined).toMatchObject({ type: InteractionResponseType.UpdateMessage, data: { components: [] } });
    expect(declined.data.content).toBe(
      `Sorry — Private phones is not something the helpdesk looks after, so no ticket was opened. See what the helpdesk covers with /kb read ${article.id}.`,
    );
    // A form sent for it anyway (an old message's button) is declined by the core too.
    const before = await ticketCount();
    const id = await submitModal(world.fake, fred, SUPPORT_CHANNEL_ID, `guide-form:${phones}:request`, {
      title: 'My phone',
      description: 'Set up my phone',
      impact: ['individual'],
      urgency: ['can_work'],
    });
    expect((await world.fake.answered(id, 2))[1].body.content).toContain(`/kb read ${article.id}`);
    expect(await ticketCount()).toBe(before);
  });

  test('a customer who walks away is offered the kept form by /ticket, can see it again and open it', async () => {
    const gus = world.fake.user('gus');
    await submitGuide(gus, printing, {
      title: 'Jammed again',
      description: 'Paper jam in the printer on floor 2.',
      answers: '',
    });
    const [draft] = await drafts(gus);
    const id = await slashCommand(world.fake, gus, 'ticket', SUPPORT_CHANNEL_ID);
    const [select, waiting] = await world.fake.answered(id, 2);
    expect(select.body.data.components[0].components[0].custom_id).toBe('guide:service');
    expect(waiting).toMatchObject({
      via: 'followup',
      body: {
        flags: MessageFlags.Ephemeral,
        content: expect.stringContaining('You have a form you did not finish: "Jammed again"'),
      },
    });
    expect(buttonIds(waiting.body)).toEqual([`guide:open:${draft.id}`, `guide:show:${draft.id}`]);

    const shown = await press(gus, waiting.body, `guide:show:${draft.id}`);
    expect(shown.body.content).toContain('Clearing a paper jam');
    expect(buttonIds(shown.body)).toEqual([`guide:solved:${draft.id}:${jamArticle}`, `guide:open:${draft.id}`]);
    const opened = await press(gus, shown.body, `guide:open:${draft.id}`);
    const number = Number(/^Your ticket #(\d+) "Jammed again" is open/.exec(opened.body.content)![1]);
    // No answer given: the description is what was written, nothing more.
    expect((await world.ticket(number)).description).toBe('Paper jam in the printer on floor 2.');
  });

  test("someone else's form, an unknown or expired one and a malformed id get a private answer and change nothing", async () => {
    const hal = world.fake.user('hal');
    const ivy = world.fake.user('ivy');
    const { reply } = await submitGuide(hal, printing, {
      title: 'Paper jam tray 1',
      description: 'Paper jam in tray 1.',
      answers: 'PR-1',
    });
    const [draft] = await drafts(hal);
    const before = await ticketCount();
    const foreign = await press(ivy, reply, `guide:open:${draft.id}`);
    expect(foreign.body).toMatchObject({
      flags: MessageFlags.Ephemeral,
      content: 'That form is not known (it may belong to someone else).',
    });
    const stolen = await press(ivy, reply, `guide:solved:${draft.id}:${jamArticle}`);
    expect(stolen.body.content).toBe('That form is not known (it may belong to someone else).');
    const gone = await press(hal, reply, `guide:open:${randomUUID()}`);
    expect(gone.body.content).toBe('That form is not known (it may belong to someone else).');
    const malformed = await press(hal, reply, 'guide:open:not-a-form');
    expect(malformed.body.content).toMatch(/That form is not known \(it may have expired\)/);
    expect(await drafts(hal)).toEqual([expect.objectContaining({ outcome: null, ticket_id: null })]);
    expect(await ticketCount()).toBe(before);
  });

  test('past 25 services the select pages: "More services…" and "← Back" entries, "Something else" on every page', async () => {
    for (let i = 1; i <= 30; i++)
      await world.helpdesk.catalog.add(ADMIN, { name: `Service ${String(i).padStart(2, '0')}` });
    const id = await slashCommand(world.fake, world.fake.user('jo'), 'ticket', SUPPORT_CHANNEL_ID);
    const values = (body: any): string[] => body.data.components[0].components[0].options.map((o: any) => o.value);
    const first = answers(id)[0].body;
    expect(first.data.content).toContain('(page 1 of 2)');
    expect(values(first)).toHaveLength(24);
    expect(values(first).slice(-2)).toEqual(['page:1', 'something-else']);

    const second = await pick(world.fake.user('jo'), 'page:1');
    expect(second.type).toBe(InteractionResponseType.UpdateMessage);
    expect(second.data.content).toContain('(page 2 of 2)');
    expect(values(second)[0]).toBe('page:0');
    expect(values(second)).toHaveLength(1 + 10 + 1); // Back, the other 10 of 32 services, Something else
    expect(values(second)).toContain(String(phones)); // not covered: listed last, answered with the pointer
    expect(values(second).at(-1)).toBe('something-else');
    expect(values(await pick(world.fake.user('jo'), 'page:0'))).toEqual(values(first));
  });
});
