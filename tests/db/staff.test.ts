import { ConflictError, ForbiddenError, InvalidInputError, NotFoundError } from '../../src/core/errors';
import { MINUTE } from '../../src/core/clock';
import { describeEachDatabase } from '../helpers/database';
import { ADMIN, discord, slack } from '../helpers/people';
import { storedState } from '../helpers/snapshot';

describeEachDatabase('staff, availability and linked identities', (ctx) => {
  const carl = discord('carl');
  const open = (title: string, who = carl) =>
    ctx().helpdesk.tickets.open(who, { title, description: 'd', type: 'incident' });
  const assigneeOf = async (number: number) =>
    (await ctx().helpdesk.queries.show(ADMIN, { ticketNumber: number })).assignee?.displayName ?? null;

  beforeAll(async () => {
    await ctx().helpdesk.staff.bootstrapAdmins([ADMIN]);
  });

  test('HELPDESK_ADMINS become admins; bootstrapping twice changes nothing', async () => {
    await ctx().helpdesk.staff.bootstrapAdmins([ADMIN]);
    const me = await ctx().helpdesk.staff.whoAmI(ADMIN);
    expect(me.role).toBe('admin');
    const [{ count }] = await ctx().dataSource.query(
      `SELECT count(*)::int AS count FROM identity WHERE platform_user_id = 'admin'`,
    );
    expect(count).toBe(1);
  });

  test('with no supporter a ticket waits unassigned and admins are told', async () => {
    const ticket = await open('Nobody here');
    expect(ticket.assigneeId).toBeNull();
    const kinds = (await ctx().helpdesk.queries.show(ADMIN, { ticketNumber: ticket.number })).history.map(
      (e) => e.kind,
    );
    expect(kinds).toEqual(['opened', 'waiting']);
    const dms = await ctx().dataSource.query(
      `SELECT destination, payload FROM delivery WHERE ticket_id = $1 AND kind = 'person.dm'`,
      [ticket.id],
    );
    expect(dms).toHaveLength(1);
    expect(dms[0].payload.text).toContain('no tier-1 supporter is available');
  });

  test('a supporter added takes the waiting tickets, highest priority first', async () => {
    const urgent = await open('Urgent waiting');
    await ctx().helpdesk.tickets.changePriority(ADMIN, { ticketNumber: urgent.number, priority: 'P1' });
    await ctx().helpdesk.staff.add(ADMIN, { person: discord('tina'), role: '1' });
    const list = await ctx().helpdesk.queries.list(discord('tina'), { scope: 'mine' });
    expect(list.sections[0].tickets[0].number).toBe(urgent.number);
    expect(list.sections[0].tickets.length).toBeGreaterThanOrEqual(2);
    expect((await ctx().helpdesk.queries.list(ADMIN, { scope: 'queue' })).sections[0].tickets).toEqual([]);
  });

  test('only admins manage staff; bad roles are clear errors', async () => {
    const { staff } = ctx().helpdesk;
    const before = await storedState(ctx().dataSource);
    await expect(staff.add(discord('tina'), { person: discord('tom'), role: '1' })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(staff.add(ADMIN, { person: discord('tom'), role: '4' })).rejects.toThrow('1, 2, 3 or admin');
    await expect(staff.add(ADMIN, { person: { platform: 'discord', userId: '' }, role: '1' })).rejects.toBeInstanceOf(
      InvalidInputError,
    );
    await expect(staff.remove(ADMIN, { person: carl })).rejects.toBeInstanceOf(ConflictError);
    expect(await storedState(ctx().dataSource)).toEqual(before);
  });

  test('away supporters get no new tickets; back from away they take waiting ones', async () => {
    const { staff } = ctx().helpdesk;
    await staff.setAway(discord('tina'), { away: true });
    const ticket = await open('While Tina is away');
    expect(ticket.assigneeId).toBeNull();
    await expect(staff.setAway(carl, { away: true })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(staff.setAway(discord('tina'), { away: false, person: ADMIN })).rejects.toBeInstanceOf(ForbiddenError);
    await staff.setAway(ADMIN, { away: false, person: discord('tina') });
    expect(await assigneeOf(ticket.number)).toBe('Tina');
  });

  test("a removed supporter's tickets go to the others by the same rule", async () => {
    const { staff } = ctx().helpdesk;
    await staff.add(ADMIN, { person: discord('tom'), role: '1' });
    const mine = (await ctx().helpdesk.queries.list(discord('tina'), { scope: 'mine' })).sections[0].tickets;
    await staff.remove(ADMIN, { person: discord('tina') });
    for (const t of mine) expect(await assigneeOf(t.number)).toBe('Tom');
    expect((await staff.whoAmI(discord('tina'))).role).toBe('customer');
  });

  test('the last admin cannot be removed', async () => {
    await expect(ctx().helpdesk.staff.remove(ADMIN, { person: ADMIN })).rejects.toThrow('last admin');
  });

  const pendingLinkPrompts = () =>
    ctx().dataSource.query(
      `SELECT destination, platform, payload FROM delivery WHERE kind = 'person.dm' AND payload ? 'linkCode' ORDER BY id`,
    );

  test("a staff member links their Slack identity once the code's owner confirms; load and history become one", async () => {
    const { staff } = ctx().helpdesk;
    const given = await staff.link(discord('tom'), {});
    expect('code' in given).toBe(true);
    const code = (given as { code: string }).code;
    const asked = await staff.link(slack('utom'), { code });
    expect(asked).toEqual({ awaitingConfirmation: 'discord' });
    // Nothing is joined yet: the Slack identity is still a person of its own.
    expect((await staff.whoAmI(slack('utom'))).id).not.toBe((await staff.whoAmI(discord('tom'))).id);
    const prompts = await pendingLinkPrompts();
    expect(prompts.at(-1).platform).toBe('discord');
    expect(prompts.at(-1).payload.text).toContain('Utom');
    expect(prompts.at(-1).payload.linkCode).toBe(code);

    const linked = await staff.confirmLink(discord('tom'), { code, confirm: true });
    expect('linked' in linked && linked.linked.tier).toBe(1);
    await expect(staff.link(slack('utom'), { code })).rejects.toBeInstanceOf(NotFoundError);
    expect((await staff.whoAmI(slack('utom'))).id).toBe((await staff.whoAmI(discord('tom'))).id);

    const slackTicket = await ctx().helpdesk.tickets.open(slack('ulla'), {
      title: 'From Slack',
      description: 'd',
      type: 'request',
    });
    expect(await assigneeOf(slackTicket.number)).toBe('Tom');
  });

  test("someone holding an admin's code is not joined to the admin: the admin refuses, nothing is merged", async () => {
    const { staff } = ctx().helpdesk;
    const { code } = (await staff.link(ADMIN, {})) as { code: string };
    await staff.link(slack('umallory'), { code });
    const people = async () => {
      const { person, identity, ticket } = await storedState(ctx().dataSource);
      return { person, identity, ticket };
    };
    const before = await people();
    // Only the identity that asked for the code may answer its prompt.
    await expect(staff.confirmLink(slack('umallory'), { code, confirm: true })).rejects.toBeInstanceOf(NotFoundError);
    await expect(staff.confirmLink(discord('tom'), { code, confirm: true })).rejects.toBeInstanceOf(NotFoundError);
    expect(await staff.confirmLink(ADMIN, { code, confirm: false })).toEqual({ refused: true });
    expect(await people()).toEqual(before);
    expect((await staff.whoAmI(slack('umallory'))).role).toBe('customer');
    // A refused code is spent.
    await expect(staff.confirmLink(ADMIN, { code, confirm: true })).rejects.toBeInstanceOf(NotFoundError);
    await expect(staff.link(slack('umallory'), { code })).rejects.toBeInstanceOf(NotFoundError);
  });

  test('a refused redemption reads the same whether the code is unknown, used, expired or for this platform', async () => {
    const { staff } = ctx().helpdesk;
    await staff.add(ADMIN, { person: discord('sara'), role: '2' });
    const expired = (await staff.link(discord('sara'), {})) as { code: string };
    const samePlatform = (await staff.link(discord('sara'), {})) as { code: string };
    ctx().clock.advance(16 * MINUTE);
    const fresh = (await staff.link(discord('sara'), {})) as { code: string };
    const refusals = await Promise.all(
      [
        staff.link(slack('usara'), { code: expired.code }),
        staff.link(slack('usara'), { code: 'WRONG123' }),
        staff.link(discord('sara'), { code: fresh.code }),
        staff.link(discord('sam'), { code: samePlatform.code }),
      ].map((p) =>
        p.then(
          () => 'accepted',
          (e: Error) => `${e.constructor.name}: ${e.message}`,
        ),
      ),
    );
    expect(new Set(refusals).size).toBe(1);
    expect(refusals[0]).toMatch(/^NotFoundError: /);
  });

  test('at most 5 redemption attempts a person an hour, counted whether or not the code exists', async () => {
    const { staff } = ctx().helpdesk;
    await staff.add(ADMIN, { person: discord('rita'), role: '1' });
    const { code } = (await staff.link(discord('rita'), {})) as { code: string };
    for (let i = 0; i < 5; i++)
      await expect(staff.link(slack('uguess'), { code: `GUESS00${i}` })).rejects.toBeInstanceOf(NotFoundError);
    // The sixth is refused even with the right code, and asks no one.
    const prompts = (await pendingLinkPrompts()).length;
    await expect(staff.link(slack('uguess'), { code })).rejects.toThrow('Too many');
    expect(await pendingLinkPrompts()).toHaveLength(prompts);
    ctx().clock.advance(61 * MINUTE);
    const fresh = (await staff.link(discord('rita'), {})) as { code: string };
    expect(await staff.link(slack('uguess'), { code: fresh.code })).toEqual({ awaitingConfirmation: 'discord' });
  });
});
