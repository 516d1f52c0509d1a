import { MINUTE } from '../../src/core/clock';
import { InvalidInputError } from '../../src/core/errors';
import { describeEachDatabase } from '../helpers/database';
import { ADMIN, discord, staffUp } from '../helpers/people';
import { storedState } from '../helpers/snapshot';

describeEachDatabase('security: what the store remembers', (ctx) => {
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
      ['a NUL in a title', { title: 'VPN\u0000down' }, /Title contains control characters/],
      ['a bell in a description', { description: 'it beeps \u0007' }, /Description contains control characters/],
      ['a title of only zero-width characters', { title: '\u200b\u200c\u200d\ufeff' }, /Title can't be empty/],
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
});
