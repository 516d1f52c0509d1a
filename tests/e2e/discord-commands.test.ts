import { ChannelType, InteractionResponseType, MessageFlags } from 'discord.js';
import { ADMIN } from '../helpers/people';
import { SUPPORT_CHANNEL_ID, type FakeDiscord, type FakeUser } from '../../src/simulator/discord/fake-discord';
import { DiscordWorld } from '../fakes/discord/harness';
import { commandDefinitions } from '../../src/bots/discord/register-commands';
import {
  answerText,
  channelOption,
  integerOption,
  slashCommand,
  stringOption,
  subcommand,
  subcommandGroup,
  submitModal,
  userOption,
  type Option,
} from '../../src/simulator/discord/interactions';
import { eventuallyPasses } from '../helpers/eventually';

/** The slash commands beyond /ticket and /note, end to end: the real discord.js client against the fake Discord. */
describe('Discord slash commands, end to end', () => {
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

  /** Runs `/command sub …` and returns its private answer (the edit after the deferral). */
  const run = (who: FakeUser, command: string, options: Option[], staff = false, channelId = SUPPORT_CHANNEL_ID) =>
    world.command(who, command, options, staff, channelId);
  const openTicket = (customer: FakeUser, title: string) => world.openTicket(customer, title);

  const card = (threadId: string) => world.fake.messagesIn(threadId).find((m) => m.embeds.length > 0)!;

  test("a customer's /tickets list shows only their tickets; staff see theirs, then the queue", async () => {
    const ann = world.fake.user('ann');
    const bob = world.fake.user('bob');
    const annTicket = await openTicket(ann, 'Ann cannot print');
    const bobTicket = await openTicket(bob, 'Bob has no VPN');

    const annList = await run(ann, 'tickets', [subcommand('list')]);
    expect(annList.content).toContain('Your tickets');
    expect(annList.content).toContain(`#${annTicket.number}`);
    expect(annList.content).not.toContain(`#${bobTicket.number}`);

    // Both are Tina's (the only tier-1 supporter); while she is away, a third waits in the queue.
    await world.helpdesk.staff.setAway(world.ref(tina), { away: true });
    const queued = await openTicket(world.fake.user('carol'), 'Carol needs a monitor');
    expect((await world.ticket(queued.number)).assignee_id).toBeNull();
    const content: string = (await run(tina, 'tickets', [subcommand('list')], true)).content;
    await world.helpdesk.staff.setAway(world.ref(tina), { away: false });
    const [mine, queue] = content.split('**The queue (unassigned)**');
    expect(mine).toContain('Assigned to you');
    expect(mine).toContain(`#${annTicket.number}`);
    expect(mine).toContain(`#${bobTicket.number}`);
    expect(mine).not.toContain(`#${queued.number}`);
    expect(queue).toContain(`#${queued.number}`);
  });

  test("/tickets show on someone else's ticket is refused privately to a customer; the owner sees it", async () => {
    const dan = world.fake.user('dan');
    const eve = world.fake.user('eve');
    const { number } = await openTicket(dan, 'Dan lost his badge');
    const refused = await run(eve, 'tickets', [subcommand('show', [integerOption('number', number)])]);
    expect(refused.content).toBe(`There is no ticket #${number} that you can see.`);
    expect(JSON.stringify(refused)).not.toContain('Dan lost his badge');
    const shown = await run(dan, 'tickets', [subcommand('show', [integerOption('number', number)])]);
    expect(shown.embeds[0].title).toBe(`#${number} Dan lost his badge`);
  });

  test('/tickets search finds a ticket by its words', async () => {
    const fay = world.fake.user('fay');
    const { number } = await openTicket(fay, 'Projector shows purple colours');
    const found = await run(fay, 'tickets', [subcommand('search', [stringOption('words', 'projector')])]);
    expect(found.content).toContain(`#${number}`);
  });

  test('/tickets transcript returns the transcript as a file', async () => {
    const gil = world.fake.user('gil');
    const { number, threadId } = await openTicket(gil, 'Headset crackles');
    world.fake.say(gil, threadId, 'Only on the left side.');
    await eventuallyPasses(async () => expect((await world.comments(number)).length).toBe(1));
    const answer = await run(gil, 'tickets', [subcommand('transcript', [integerOption('number', number)])]);
    expect(answer.content).toContain(`transcript of #${number}`);
    expect(answer.files).toHaveLength(1);
    expect(answer.files[0].filename).toBe(`ticket-${number}.md`);
    expect(answer.files[0].text).toContain('Headset crackles');
    expect(answer.files[0].text).toContain('Only on the left side.');
  });

  test('/tickets priority N P1 changes it, and the card is edited after delivery; a customer is refused', async () => {
    const hu = world.fake.user('hu');
    const { number, threadId } = await openTicket(hu, 'Email is down for everyone');
    const refused = await run(hu, 'tickets', [
      subcommand('priority', [integerOption('number', number), stringOption('priority', 'P1')]),
    ]);
    expect(refused.content).toMatch(/^You can't do that: /);
    expect((await world.ticket(number)).priority).not.toBe('P1');

    const answer = await run(
      tina,
      'tickets',
      [subcommand('priority', [integerOption('number', number), stringOption('priority', 'P1')])],
      true,
    );
    expect(answer.content).toBe(`#${number} is now P1.`);
    expect((await world.ticket(number)).priority).toBe('P1');
    await world.deliver();
    expect(JSON.stringify(card(threadId).embeds[0].fields)).toContain('P1');
  });

  test('/tickets assign and /tickets escalate by number', async () => {
    const una = world.fake.user('una');
    await world.helpdesk.staff.add(ADMIN, { person: world.ref(una), role: '1' });
    const ivy = world.fake.user('ivy');
    const { number } = await openTicket(ivy, 'Chair is broken');
    const current = (await world.ticket(number)).assignee_id;
    const [tinaPerson] = await world.db.dataSource.query(
      `SELECT p.id FROM person p JOIN identity i ON i.person_id = p.id WHERE i.platform_user_id = $1`,
      [tina.id],
    );
    const target = current === tinaPerson.id ? una : tina;
    const assigned = await run(
      boss,
      'tickets',
      [subcommand('assign', [integerOption('number', number), userOption('person', target)])],
      true,
    );
    expect(assigned.content).toBe(`#${number} is now assigned to ${target.global_name}.`);

    const vic = world.fake.user('vic');
    await world.helpdesk.staff.add(ADMIN, { person: world.ref(vic), role: '2' });
    const escalated = await run(boss, 'tickets', [subcommand('escalate', [integerOption('number', number)])], true);
    expect(escalated.content).toBe(`#${number} is escalated to tier 2.`);
    expect((await world.ticket(number)).tier).toBe(2);
  });

  test('/helpdesk staff add: refused for a non-admin, done by an admin', async () => {
    const newbie = world.fake.user('newbie');
    const refused = await run(
      tina,
      'helpdesk',
      [subcommandGroup('staff', [subcommand('add', [userOption('person', newbie), stringOption('role', '2')])])],
      true,
    );
    expect(refused.content).toMatch(/^You can't do that: /);
    expect((await world.helpdesk.staff.whoAmI(world.ref(newbie))).role).toBe('customer');

    const added = await run(
      boss,
      'helpdesk',
      [subcommandGroup('staff', [subcommand('add', [userOption('person', newbie), stringOption('role', '2')])])],
      true,
    );
    expect(added.content).toBe('Newbie is now a tier-2 supporter.');
    expect(await world.helpdesk.staff.whoAmI(world.ref(newbie))).toMatchObject({ role: 'supporter', tier: 2 });

    const removed = await run(
      boss,
      'helpdesk',
      [subcommandGroup('staff', [subcommand('remove', [userOption('person', newbie)])])],
      true,
    );
    expect(removed.content).toContain('Newbie is no longer staff');
  });

  test('/helpdesk away and /helpdesk link for staff; a customer is refused', async () => {
    const away = await run(tina, 'helpdesk', [subcommand('away', [stringOption('state', 'on')])], true);
    expect(away.content).toContain('You are away');
    const back = await run(tina, 'helpdesk', [subcommand('away', [stringOption('state', 'off')])], true);
    expect(back.content).toContain('You are back');
    const linked = await run(tina, 'helpdesk', [subcommand('link')], true);
    expect(linked.content).toMatch(/Your link code is \*\*[A-Z0-9]{8}\*\*/);
    const customer = world.fake.user('jay');
    expect((await run(customer, 'helpdesk', [subcommand('away', [stringOption('state', 'on')])])).content).toMatch(
      /^You can't do that: /,
    );
  });

  test('/helpdesk help lists only what this person may run', async () => {
    const kim = world.fake.user('kim');
    // The heading as the message's text, the list in an embed.
    const helpOf = async (who: FakeUser, staff = false) => {
      const answer = await run(who, 'helpdesk', [subcommand('help')], staff);
      expect(answer.content).toMatch(/^What you can run/);
      expect(answer.embeds).toHaveLength(1);
      return answerText(answer);
    };
    const customerHelp = await helpOf(kim);
    const adminHelp = await helpOf(boss, true);
    for (const c of [
      '/ticket`',
      '/tickets list',
      '/tickets show',
      '/tickets search',
      '/tickets transcript',
      '/kb search',
      '/kb read',
      '/helpdesk help',
    ]) {
      expect(customerHelp).toContain(c);
      expect(adminHelp).toContain(c);
    }
    for (const c of [
      '/tickets assign',
      '/tickets priority',
      '/kb new',
      '/note',
      '/helpdesk staff add',
      '/helpdesk away',
    ])
      expect(customerHelp).not.toContain(c);
    for (const c of [
      '/tickets assign',
      '/kb new',
      '/kb edit',
      '/helpdesk staff add',
      '/helpdesk staff remove',
      '/helpdesk mark',
      '/helpdesk setup',
      '/helpdesk redact',
    ])
      expect(adminHelp).toContain(c);
    const staffHelp = await helpOf(tina, true);
    expect(staffHelp).toContain('/kb new');
    expect(staffHelp).not.toContain('/helpdesk staff add');
    expect(staffHelp).not.toContain('/helpdesk redact');
    // Discord refuses an embed whose text is over 4096 characters: the longest list must fit in one.
    expect((await run(boss, 'helpdesk', [subcommand('help')], true)).embeds[0].description.length).toBeLessThanOrEqual(
      4096,
    );
  });

  test('/helpdesk language: a choice answered in the language chosen and kept; a Danish client reads Danish', async () => {
    const lone = world.fake.user('lone');
    const language = (code: string) => [subcommand('language', [stringOption('language', code)])];
    expect((await run(lone, 'helpdesk', language('da'))).content).toBe('Fra nu af taler helpdesken dansk til dig.');
    expect(await world.helpdesk.languages.of(world.ref(lone))).toBe('da');
    expect((await run(lone, 'helpdesk', language('en'))).content).toBe(
      'From now on the helpdesk speaks English to you.',
    );
    // A Danish client with no choice made: answered in Danish, the command list included.
    const dane = world.fake.user('dorthe');
    world.fake.locales.set(dane.id, 'da');
    const help = await run(dane, 'helpdesk', [subcommand('help')]);
    expect(help.content).toBe('Det kan du bruge (kunde):');
    expect(answerText(help)).toContain('`/ticket` — opret en sag');
  });

  test('/kb new: the form, the article stored, /kb search finds it, /kb read shows it; a customer cannot /kb new', async () => {
    const command = await slashCommand(world.fake, tina, 'kb', SUPPORT_CHANNEL_ID, [subcommand('new')], true);
    const [modal] = world.fake.answers.get(command)!;
    expect(modal.body.type).toBe(InteractionResponseType.Modal);
    expect(JSON.stringify(modal.body.data)).toContain('"max_length":4000');
    const submitted = await submitArticleForm(world.fake, tina, modal.body.data.custom_id, {
      title: 'Resetting the VPN token',
      tags: 'vpn, Network',
      body: 'Open the token app and press reset; the VPN reconnects within a minute.',
      visibility: 'public',
    });
    const [deferral, stored] = await world.fake.answered(submitted, 2);
    expect(deferral.body.data.flags).toBe(MessageFlags.Ephemeral);
    const id = Number(/Article (\d+)/.exec(stored.body.content)![1]);
    const [article] = await world.db.dataSource.query(`SELECT title, tags, visibility FROM article WHERE id = $1`, [
      id,
    ]);
    expect(article).toMatchObject({ title: 'Resetting the VPN token', tags: ['vpn', 'network'], visibility: 'public' });

    const lee = world.fake.user('lee');
    const found = await run(lee, 'kb', [subcommand('search', [stringOption('words', 'vpn token')])]);
    expect(found.content).toContain(`**${id}** · Resetting the VPN token`);
    const read = await run(lee, 'kb', [subcommand('read', [integerOption('id', id)])]);
    expect(read.embeds[0].description).toContain('press reset');

    const refused = await slashCommand(world.fake, lee, 'kb', SUPPORT_CHANNEL_ID, [subcommand('new')]);
    const [answer] = world.fake.answers.get(refused)!;
    expect(answer.body).toMatchObject({
      type: InteractionResponseType.ChannelMessageWithSource,
      data: { flags: MessageFlags.Ephemeral },
    });
    expect(answer.body.data.content).toMatch(/^You can't do that: /);
  });

  test('/kb edit prefills the form; an article longer than the form holds is refused, never cut; a long article is read whole as a file', async () => {
    const short = await world.helpdesk.knowledge.create(world.ref(tina), {
      title: 'Printer codes',
      body: 'E12 means paper jam.',
      tags: ['printer'],
      visibility: 'staff',
    });
    const command = await slashCommand(
      world.fake,
      tina,
      'kb',
      SUPPORT_CHANNEL_ID,
      [subcommand('edit', [integerOption('id', short.id)])],
      true,
    );
    const [modal] = world.fake.answers.get(command)!;
    expect(modal.body.type).toBe(InteractionResponseType.Modal);
    expect(JSON.stringify(modal.body.data)).toContain('E12 means paper jam.');
    const submitted = await submitArticleForm(world.fake, tina, modal.body.data.custom_id, {
      title: 'Printer codes',
      tags: 'printer',
      body: 'E12 means paper jam. E13: toner.',
      visibility: 'staff',
    });
    expect((await world.fake.answered(submitted, 2))[1].body.content).toContain(
      `Article ${short.id} "Printer codes" is saved`,
    );
    expect((await world.helpdesk.knowledge.read(world.ref(tina), { id: short.id })).body).toBe(
      'E12 means paper jam. E13: toner.',
    );

    const longBody = 'A long procedure. '.repeat(400); // 7200 characters
    const long = await world.helpdesk.knowledge.create(world.ref(tina), {
      title: 'Onboarding',
      body: longBody,
      visibility: 'public',
    });
    const refused = await slashCommand(
      world.fake,
      tina,
      'kb',
      SUPPORT_CHANNEL_ID,
      [subcommand('edit', [integerOption('id', long.id)])],
      true,
    );
    const [answer] = world.fake.answers.get(refused)!;
    expect(answer.body).toMatchObject({
      type: InteractionResponseType.ChannelMessageWithSource,
      data: { flags: MessageFlags.Ephemeral },
    });
    expect(answer.body.data.content).toContain("can't be edited here");
    expect((await world.helpdesk.knowledge.read(world.ref(tina), { id: long.id })).body).toBe(longBody.trim());

    const read = await run(world.fake.user('max'), 'kb', [subcommand('read', [integerOption('id', long.id)])]);
    expect(read.content).toContain('attached');
    expect(read.files[0].filename).toBe(`article-${long.id}.md`);
    expect(read.files[0].text).toContain(longBody.trim());
  });

  test("the registered definitions use PRODUCT.md's words, and leave out what this build does not answer", () => {
    const byName = Object.fromEntries(
      commandDefinitions().map((c) => [
        c.name,
        c as { options: Array<{ name: string; options?: Array<{ name: string }> }> },
      ]),
    );
    const subs = (name: string) => byName[name].options.map((o) => o.name);
    expect(subs('tickets')).toEqual([
      'list',
      'show',
      'search',
      'transcript',
      'assign',
      'escalate',
      'priority',
      'link',
      'unlink',
    ]);
    expect(subs('kb')).toEqual(['search', 'read', 'new', 'edit']);
    expect(subs('helpdesk')).toEqual([
      'staff',
      'away',
      'link',
      'mark',
      'setup',
      'sla',
      'catalog',
      'replies',
      'stats',
      'redact',
      'forget',
      'export',
      'dashboard',
      'help',
      'language',
    ]);
    expect(byName.helpdesk.options[0].options!.map((o) => o.name)).toEqual(['add', 'remove']);
    expect(byName.helpdesk.options.find((o) => o.name === 'sla')!.options!.map((o) => o.name)).toEqual([
      'show',
      'set',
      'hours',
      'holiday',
    ]);
    expect(byName.helpdesk.options.find((o) => o.name === 'catalog')!.options!.map((o) => o.name)).toEqual([
      'list',
      'add',
      'edit',
      'remove',
    ]);
    expect(byName.helpdesk.options.find((o) => o.name === 'replies')!.options!.map((o) => o.name)).toEqual([
      'list',
      'add',
      'edit',
      'remove',
    ]);
    expect(byName.reply.options.map((o) => o.name)).toEqual(['name']);
  });

  test('/helpdesk setup: admins set the support channel (named, or where it is run); new threads go there; others are refused', async () => {
    const desk = world.fake.textChannel('helpdesk');
    const refused = await run(tina, 'helpdesk', [subcommand('setup', [channelOption('channel', desk.id)])], true);
    expect(refused.content).toMatch(/^You can't do that: only a helpdesk admin/);
    expect(await world.db.dataSource.query(`SELECT * FROM helpdesk_setting`)).toEqual([]);

    const named = await run(boss, 'helpdesk', [subcommand('setup', [channelOption('channel', desk.id)])], true);
    expect(named.content).toContain(`<#${desk.id}> is now the support channel`);
    const { threadId } = await openTicket(world.fake.user('lou'), 'Badge does not open the door');
    // The stored channel takes precedence over DISCORD_SUPPORT_CHANNEL_ID.
    expect(world.fake.channels.get(threadId)).toMatchObject({ parent_id: desk.id, type: ChannelType.PrivateThread });

    // Without the option: the channel it is run in (and run in a ticket's thread, it asks for one).
    const inThread = await run(boss, 'helpdesk', [subcommand('setup')], true, threadId);
    expect(inThread.content).toContain('Run this in the support channel itself');
    const here = await run(boss, 'helpdesk', [subcommand('setup')], true, SUPPORT_CHANNEL_ID);
    expect(here.content).toContain(`<#${SUPPORT_CHANNEL_ID}> is now the support channel`);
    const back = await openTicket(world.fake.user('max'), 'Screen is dim');
    expect(world.fake.channels.get(back.threadId).parent_id).toBe(SUPPORT_CHANNEL_ID);
  });

  test('/helpdesk mark catalog ID: admins only; the SLA article is generated and cannot be marked', async () => {
    const catalog = await world.helpdesk.knowledge.create(world.ref(tina), {
      title: 'Our services',
      body: 'Mail, VPN, printers.',
    });
    const refused = await run(
      tina,
      'helpdesk',
      [subcommand('mark', [stringOption('kind', 'catalog'), integerOption('id', catalog.id)])],
      true,
    );
    expect(refused.content).toMatch(/^You can't do that: /);
    const marked = await run(
      boss,
      'helpdesk',
      [subcommand('mark', [stringOption('kind', 'catalog'), integerOption('id', catalog.id)])],
      true,
    );
    expect(marked.content).toBe(`Article ${catalog.id} "Our services" is now the service catalog article.`);
    const sla = await run(
      boss,
      'helpdesk',
      [subcommand('mark', [stringOption('kind', 'sla'), integerOption('id', catalog.id)])],
      true,
    );
    expect(sla.content).toContain('/helpdesk sla');
  });
});

/** The article form (/kb new or edit) submitted by staff. */
const submitArticleForm = (
  fake: FakeDiscord,
  user: FakeUser,
  customId: string,
  fields: { title: string; tags: string; body: string; visibility: string },
) => submitModal(fake, user, SUPPORT_CHANNEL_ID, customId, { ...fields, visibility: [fields.visibility] }, true);
