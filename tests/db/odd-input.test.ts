import { InvalidInputError } from '../../src/core/errors';
import { describeEachDatabase } from '../helpers/database';
import { discord, staffUp } from '../helpers/people';
import { storedState } from '../helpers/snapshot';

/** Inputs the fuzz suite found reaching the database, each now refused by the core with nothing stored. */
describeEachDatabase('input the store cannot hold', (ctx) => {
  const carl = discord('carl');
  const tina = discord('tina');
  let ticketNumber: number;

  beforeAll(async () => {
    await staffUp(ctx().helpdesk, { tina: '1', sara: '2' });
    ({ number: ticketNumber } = await ctx().helpdesk.tickets.open(carl, {
      title: 'Printer jams',
      description: 'd',
      type: 'incident',
    }));
  });

  async function refusedWithNothingStored(operation: () => Promise<unknown>, message: string) {
    const before = await storedState(ctx().dataSource);
    await expect(operation()).rejects.toBeInstanceOf(InvalidInputError);
    await expect(operation()).rejects.toThrow(message);
    expect(await storedState(ctx().dataSource)).toEqual(before);
  }

  test('a ticket number or an id past PostgreSQL integers is refused as too large, not failed in a query', async () => {
    const { queries, knowledge, tickets } = ctx().helpdesk;
    await refusedWithNothingStored(() => queries.show(carl, { ticketNumber: 99_999_999_999 }), 'larger than any');
    await refusedWithNothingStored(() => knowledge.read(carl, { id: '99999999999999999999' }), 'larger than any');
    await refusedWithNothingStored(() => tickets.claim(tina, { ticketNumber: 2 ** 31 }), 'larger than any');
  });

  test('a person named with a control character in their id is no one', async () => {
    const { tickets } = ctx().helpdesk;
    await refusedWithNothingStored(
      () => tickets.escalate(tina, { ticketNumber, to: { platform: 'discord', userId: 'a\u0000b' } }),
      'not a person the helpdesk knows',
    );
  });

  test("asking a newcomer's role answers customer and records nothing", async () => {
    const before = await storedState(ctx().dataSource);
    expect(await ctx().helpdesk.staff.roleOf(discord('newcomer'))).toBe('customer');
    expect(await ctx().helpdesk.staff.roleOf(tina)).toBe('supporter');
    expect(await storedState(ctx().dataSource)).toEqual(before);
  });
});
