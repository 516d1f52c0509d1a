import { MINUTE } from '../../src/core/clock';
import { InvalidInputError } from '../../src/core/errors';
import { describeEachDatabase } from '../helpers/database';
import { ADMIN, discord, staffUp } from '../helpers/people';
import { DEFAULT_LIMITS } from '../helpers/policy';
import { storedState } from '../helpers/snapshot';

describeEachDatabase(
  'security: what the store remembers',
  (ctx) => {
    test('a request key is seen once within the replay memory, however many ask at once; forgotten after it', async () => {
      const { replays } = ctx().helpdesk;
      const firsts = await Promise.all(Array.from({ length: 4 }, () => replays.firstSight('V1:h:v0=abc')));
      expect(firsts.filter(Boolean)).toHaveLength(1);
      expect(await replays.firstSight('V1:h:v0=abc')).toBe(false);
      expect(await replays.firstSight('V1:h:v0=def')).toBe(true);
      ctx().clock.advance(11 * MINUTE);
      expect(await replays.firstSight('V1:h:v0=abc')).toBe(true);
    });

    describe('text with control characters or nothing visible', () => {
      const carl = discord('carl');
      const open = (fields: { title?: string; description?: string }) =>
        ctx().helpdesk.tickets.open(carl, { title: 'Fine', description: 'Fine', type: 'incident', ...fields });

      test.each([
        ['a NUL in a title', { title: 'VPN\u0000down' }, /The title contains control characters/],
        ['a bell in a description', { description: 'it beeps \u0007' }, /The description contains control characters/],
        ['a title of only zero-width characters', { title: '\u200b\u200c\u200d\ufeff' }, /The title can't be empty/],
      ])('%s is refused by the schema with a clear message; nothing is stored', async (_name, fields, message) => {
        const before = await storedState(ctx().dataSource);
        const refused = open(fields);
        await expect(refused).rejects.toBeInstanceOf(InvalidInputError);
        await expect(open(fields)).rejects.toThrow(message);
        expect(await storedState(ctx().dataSource)).toEqual(before);
      });

      test('tabs and line breaks stay welcome', async () => {
        const ticket = await open({ title: 'Printer\tjam', description: 'Line one\r\nLine two' });
        expect(ticket.description).toBe('Line one\r\nLine two');
      });

      test('a comment or a note with a NUL is refused with a clear message', async () => {
        await staffUp(ctx().helpdesk, { tina: '1' });
        const ticket = await open({ title: 'Comment target' });
        await expect(
          ctx().helpdesk.comments.comment(carl, { ticketNumber: ticket.number, body: 'bad \u0000 byte' }),
        ).rejects.toThrow(/control characters/);
        await expect(
          ctx().helpdesk.comments.note(ADMIN, { ticketNumber: ticket.number, body: '\u0000' }),
        ).rejects.toThrow(/control characters/);
      });
    });

    describe('limits on opening tickets', () => {
      const open = (who = discord('lena'), extra: Record<string, unknown> = {}) =>
        ctx().helpdesk.tickets.open(who, { title: 'Another one', description: 'd', type: 'request', ...extra });

      test('a customer may have at most MAX_OPEN_TICKETS unresolved: the next is refused clearly and nothing is stored', async () => {
        await staffUp(ctx().helpdesk, { tina: '1' });
        const lena = discord('lena');
        const opened = [];
        for (let i = 0; i < ctx().helpdesk.ctx.policy.maxOpenTickets; i++) opened.push(await open(lena));
        const before = await storedState(ctx().dataSource);
        await expect(open(lena)).rejects.toThrow(/^You can't open another ticket: you have 5 unresolved tickets/);
        expect(await storedState(ctx().dataSource)).toEqual(before);
        // Staff opening on her behalf are not limited.
        await expect(open(ADMIN, { onBehalfOf: lena })).resolves.toBeDefined();
        // One resolved frees a place.
        await ctx().helpdesk.tickets.resolve(ADMIN, { ticketNumber: opened[0].number });
        await ctx().helpdesk.tickets.resolve(ADMIN, { ticketNumber: opened[1].number });
        await expect(open(lena)).resolves.toBeDefined();
      });

      test('a customer may open at most TICKETS_PER_HOUR an hour, resolved ones counted too', async () => {
        const mo = discord('mo');
        for (let i = 0; i < ctx().helpdesk.ctx.policy.ticketsPerHour; i++) {
          const ticket = await open(mo);
          await ctx().helpdesk.tickets.markSolved(mo, { ticketNumber: ticket.number });
        }
        const before = await storedState(ctx().dataSource);
        await expect(open(mo)).rejects.toThrow(/^You can't open another ticket: you opened 10 in the last hour/);
        expect(await storedState(ctx().dataSource)).toEqual(before);
        ctx().clock.advance(61 * MINUTE);
        await expect(open(mo)).resolves.toBeDefined();
      });
    });

    describe('one answer for "not yours" and "does not exist"', () => {
      const answerTo = (work: Promise<unknown>) =>
        work.then(
          () => 'allowed',
          (e: Error) => `${e.constructor.name}: ${e.message.replace(/#\d+/, '#N').replace(/article \d+/, 'article N')}`,
        );

      test("a customer learns nothing about someone else's ticket: show, comment, transcript, rate and staff actions read as for no ticket", async () => {
        const { helpdesk } = ctx();
        const theirs = await helpdesk.tickets.open(discord('owner'), {
          title: 'Private',
          description: 'd',
          type: 'request',
        });
        const nosy = discord('nosy');
        const missing = 987654;
        const pairs: Array<(n: number) => Promise<unknown>> = [
          (n) => helpdesk.queries.show(nosy, { ticketNumber: n }),
          (n) => helpdesk.comments.comment(nosy, { ticketNumber: n, body: 'hi' }),
          (n) => helpdesk.queries.transcript(nosy, { ticketNumber: n }),
          (n) => helpdesk.tickets.reopen(nosy, { ticketNumber: n }),
          (n) => helpdesk.tickets.changePriority(nosy, { ticketNumber: n, priority: 'P1' }),
          (n) => helpdesk.tickets.claim(nosy, { ticketNumber: n }),
          (n) => helpdesk.ratings.rate(nosy, { ticketNumber: n, score: 1 }),
        ];
        for (const act of pairs) {
          const existing = await answerTo(act(theirs.number));
          expect(existing).toMatch(/^NotFoundError: /);
          expect(existing).toBe(await answerTo(act(missing)));
        }
      });

      test('a customer asking for a staff-only article hears what they would for a missing one', async () => {
        const { knowledge } = ctx().helpdesk;
        await staffUp(ctx().helpdesk, { tina: '1' });
        const internal = await knowledge.create(discord('tina'), {
          title: 'Internal runbook',
          body: 'x',
          visibility: 'staff',
        });
        const customer = discord('nosy');
        const hidden = await answerTo(knowledge.read(customer, { id: internal.id }));
        expect(hidden).toMatch(/^NotFoundError: /);
        expect(hidden).toBe(await answerTo(knowledge.read(customer, { id: 987654 })));
      });
    });
  },
  { policy: DEFAULT_LIMITS },
);
