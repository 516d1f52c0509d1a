import { STAFF_CHANNEL_ID, SUPPORT_CHANNEL_ID, type FakeUser } from '../../src/simulator/discord/fake-discord';
import {
  ephemeralMessage,
  integerOption,
  pressButton,
  stringOption,
  subcommand,
  userOption,
  type Option,
} from '../../src/simulator/discord/interactions';
import { staffedWorldForFile } from '../fakes/discord/harness';
import { findEverywhere } from '../helpers/catalog-search';
import { eventuallyPasses } from '../helpers/eventually';

/** Discord's type for a direct-message channel. */
const DM_CHANNEL = 1;

/** `/helpdesk forget`, `export` and `redact ticket:`, end to end: the real discord.js client against the fake Discord. */
describe('Privacy commands on Discord, end to end', () => {
  // Tina is a tier-1 supporter, Boss an admin.
  const t = staffedWorldForFile();

  const helpdesk = (who: FakeUser, sub: string, options: Option[]) =>
    t.world.command(who, 'helpdesk', [subcommand(sub, options)], true);

  async function customerSays(customer: FakeUser, threadId: string, text: string) {
    const message = t.world.fake.say(customer, threadId, text);
    await eventuallyPasses(async () =>
      expect(
        await t.world.db.dataSource.query(`SELECT id FROM comment WHERE platform_message_id = $1`, [message.id]),
      ).toHaveLength(1),
    );
    await t.world.deliver();
    return message;
  }

  test('an admin exports a person as a private JSON file; a supporter is refused', async () => {
    const olga = t.world.fake.user('olga');
    const { number, threadId } = await t.world.openTicket(olga, 'Olga cannot print');
    await customerSays(olga, threadId, 'my desk is 4.17 by the kangaroo poster');

    const refused = await helpdesk(t.tina, 'export', [userOption('person', olga)]);
    expect(refused.content).toMatch(/^You can't do that: .*admin/);
    expect(refused.files ?? []).toEqual([]);

    const answer = await helpdesk(t.boss, 'export', [userOption('person', olga)]);
    expect(answer.files).toHaveLength(1);
    expect(answer.files[0].filename).toBe(`person-discord-${olga.id}.json`);
    const data = JSON.parse(answer.files[0].text);
    expect(data.identities).toEqual([expect.objectContaining({ platform: 'discord', userId: olga.id })]);
    expect(data.ticketsAsCustomer[0]).toMatchObject({ number, title: 'Olga cannot print' });
    expect(data.ticketsAsCustomer[0].comments.map((c: { body: string }) => c.body)).toContain(
      'my desk is 4.17 by the kangaroo poster',
    );
  });

  test('forget asks first; Erase erases, resolves the open ticket, tells staff and deletes its thread; Cancel changes nothing', async () => {
    const pia = t.world.fake.user('pia');
    const { number, threadId } = await t.world.openTicket(pia, 'Pia needs a wallaby licence');
    await customerSays(pia, threadId, 'my phone is +45 2233 4455, wallaby account');

    const question = await helpdesk(t.boss, 'forget', [userOption('person', pia)]);
    expect(question.content).toContain('Erase Pia');
    expect(question.content).toContain('cannot be undone');
    const buttons = question.components[0].components.map((b: { label: string; custom_id: string }) => b.custom_id);
    expect(buttons).toEqual([`forget:confirm:discord:${pia.id}`, 'forget:cancel']);

    const cancelled = await pressButton(
      t.world.fake,
      t.boss,
      ephemeralMessage(t.world.fake, SUPPORT_CHANNEL_ID, question),
      'forget:cancel',
      true,
    );
    expect((await t.world.fake.answered(cancelled, 2))[1].body.content).toBe('Nothing was erased.');
    expect(Object.keys(await findEverywhere(t.world.db.dataSource, ['wallaby']))).not.toEqual([]);

    // A supporter pressing the admin's button is refused by the core.
    const byTina = await pressButton(
      t.world.fake,
      t.tina,
      ephemeralMessage(t.world.fake, SUPPORT_CHANNEL_ID, question),
      buttons[0],
      true,
    );
    expect((await t.world.fake.answered(byTina, 2))[1].body.content).toMatch(/admin/);

    const erased = await pressButton(
      t.world.fake,
      t.boss,
      ephemeralMessage(t.world.fake, SUPPORT_CHANNEL_ID, question),
      buttons[0],
      true,
    );
    const answer = (await t.world.fake.answered(erased, 2))[1].body.content;
    expect(answer).toContain('Erased: they are now "Erased person');
    expect(answer).toContain(`#${number}`);
    expect(answer).toContain('deletes the threads');

    expect(await findEverywhere(t.world.db.dataSource, ['wallaby', '2233 4455', 'Pia'])).toEqual({});
    expect((await t.world.ticket(number)).status).toBe('resolved');
    await t.world.deliver();
    expect(t.world.fake.channels.has(threadId)).toBe(false);
    // Nothing in the server; what the bot said in staff's DMs before is theirs (the answer says it cannot be taken back).
    const inServer = [...t.world.fake.messages.entries()].filter(
      ([channelId]) => t.world.fake.channels.get(channelId)?.type !== DM_CHANNEL,
    );
    expect(JSON.stringify(inServer)).not.toContain('wallaby');
    expect(answer).toContain('Notifications people already saw');
    expect(
      t.world.fake
        .messagesIn(STAFF_CHANNEL_ID)
        .some((m) => String(m.content).includes(`#${number} was resolved because an admin erased`)),
    ).toBe(true);
    // Her id travelled only in the erase deliveries, which forget it once done.
    expect(await findEverywhere(t.world.db.dataSource, [pia.id])).toEqual({});
    // The erase delivery forgot the thread it deleted.
    expect(
      await t.world.db.dataSource.query(`SELECT payload, status FROM delivery WHERE kind = 'ticket.erased'`),
    ).toEqual([{ payload: {}, status: 'sent' }]);
  });

  test("an erased supporter's DMs from the bot are deleted: the bot reads its DM channel back and deletes its own messages", async () => {
    const sam = t.world.fake.user('sam');
    await t.world.helpdesk.staff.add(t.world.ref(t.boss), { person: t.world.ref(sam), role: '3' });
    const walt = t.world.fake.user('walt');
    const { number } = await t.world.openTicket(walt, 'Walt needs a platypus server');
    await t.world.helpdesk.tickets.reassign(t.world.ref(t.tina), { ticketNumber: number, to: t.world.ref(sam) });
    await t.world.deliver();
    const dm = [...t.world.fake.channels.values()].find((c) => c.type === DM_CHANNEL && c.recipients[0].id === sam.id);
    expect(t.world.fake.messagesIn(dm.id).map((m) => m.content)).toEqual([
      expect.stringContaining('platypus server" was assigned to you'),
    ]);

    const question = await helpdesk(t.boss, 'forget', [userOption('person', sam)]);
    const erased = await pressButton(
      t.world.fake,
      t.boss,
      ephemeralMessage(t.world.fake, SUPPORT_CHANNEL_ID, question),
      `forget:confirm:discord:${sam.id}`,
      true,
    );
    await t.world.fake.answered(erased, 2);
    await t.world.deliver();
    expect(t.world.fake.messagesIn(dm.id)).toEqual([]);
    // Walt's ticket went to someone else; the erased supporter's id is kept nowhere.
    expect((await t.world.ticket(number)).assignee_id).not.toBeNull();
    expect(await findEverywhere(t.world.db.dataSource, [sam.id])).toEqual({});
  });

  test('a thread Discord will not let the bot delete (no Manage Threads) is named to staff, to delete by hand', async () => {
    const xena = t.world.fake.user('xena');
    const { threadId } = await t.world.openTicket(xena, 'Xena cannot reach the echidna share');
    const question = await helpdesk(t.boss, 'forget', [userOption('person', xena)]);
    t.world.fake.failNext('DELETE', new RegExp(`^/channels/${threadId}$`), 403);
    const erased = await pressButton(
      t.world.fake,
      t.boss,
      ephemeralMessage(t.world.fake, SUPPORT_CHANNEL_ID, question),
      `forget:confirm:discord:${xena.id}`,
      true,
    );
    await t.world.fake.answered(erased, 2);
    await t.world.deliver();
    expect(t.world.fake.channels.has(threadId)).toBe(true);
    expect(t.world.fake.messagesIn(STAFF_CHANNEL_ID).at(-1)!.content).toContain(`delete them by hand: <#${threadId}>`);
    expect(await findEverywhere(t.world.db.dataSource, ['echidna', xena.id])).toEqual({});
  });

  test('forget by id names someone no longer on the server; an unknown id is a clear answer', async () => {
    const quinn = t.world.fake.user('quinn');
    await t.world.openTicket(quinn, 'Quinn left the company');
    const question = await helpdesk(t.boss, 'forget', [stringOption('id', quinn.id)]);
    expect(question.content).toContain('Erase Quinn');
    const unknown = await helpdesk(t.boss, 'forget', [stringOption('id', '123456789012345678')]);
    expect(unknown.content).toContain('keeps nothing');
    const both = await helpdesk(t.boss, 'forget', []);
    expect(both.content).toContain('name one person');
  });

  test('redact ticket:N part:title replaces the title everywhere and renames the thread and redraws the card', async () => {
    const rex = t.world.fake.user('rex');
    const { number, threadId } = await t.world.openTicket(rex, 'password is emu-77 please reset');
    const answer = await helpdesk(t.boss, 'redact', [integerOption('ticket', number), stringOption('part', 'title')]);
    expect(answer.content).toContain(`Redacted the title of ticket #${number}`);
    expect(await findEverywhere(t.world.db.dataSource, ['emu-77'])).toEqual({});
    await t.world.deliver();
    expect(t.world.fake.channels.get(threadId).name).toBe(`#${number} [redacted by an admin]`);
    expect(JSON.stringify(t.world.fake.messagesIn(threadId))).not.toContain('emu-77');

    const refused = await helpdesk(t.tina, 'redact', [
      integerOption('ticket', number),
      stringOption('part', 'description'),
    ]);
    expect(refused.content).toMatch(/admin/);
    const neither = await helpdesk(t.boss, 'redact', [stringOption('part', 'title')]);
    expect(neither.content).toContain('Name one thing to redact');
  });

  test('/helpdesk help lists forget and export for admins only', async () => {
    const text = (body: any) => [body.content, ...(body.embeds ?? []).map((e: any) => e.description)].join('\n');
    expect(text(await helpdesk(t.boss, 'help', []))).toContain('/helpdesk forget');
    expect(text(await helpdesk(t.tina, 'help', []))).not.toContain('/helpdesk forget');
  });
});
