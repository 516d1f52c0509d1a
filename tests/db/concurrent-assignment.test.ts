import { describeEachDatabase } from '../helpers/database';
import { discord, staffUp } from '../helpers/people';

/**
 * PGlite runs one transaction at a time, so only a server shows whether concurrent creation keeps
 * the loads even; this suite runs on PostgreSQL (TEST_DATABASE_URL) only.
 */
const kinds = process.env.TEST_DATABASE_URL ? (['postgres'] as const) : [];

if (kinds.length === 0) {
  test.skip('concurrent assignment needs TEST_DATABASE_URL (a PostgreSQL server)', () => undefined);
}

describeEachDatabase(
  'concurrent ticket creation',
  (ctx) => {
    test('50 tickets opened at once against 5 supporters leave their loads within 1 of each other', async () => {
      await staffUp(ctx().helpdesk, { s1: '1', s2: '1', s3: '1', s4: '1', s5: '1' });
      // Requests: fifty alike incidents would also declare a major incident, whose parent takes a supporter too.
      const tickets = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          ctx().helpdesk.tickets.open(discord(`customer${i}`), {
            title: `Concurrent ${i}`,
            description: 'At once',
            type: 'request',
          }),
        ),
      );
      expect(new Set(tickets.map((t) => t.number)).size).toBe(50);
      const loads: Array<{ load: number }> = await ctx().dataSource.query(
        `SELECT count(t.id)::int AS load FROM person p LEFT JOIN ticket t ON t.assignee_id = p.id WHERE p.tier = 1 GROUP BY p.id`,
      );
      const counts = loads.map((l) => l.load);
      expect(counts).toHaveLength(5);
      expect(counts.reduce((a, b) => a + b, 0)).toBe(50);
      expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
    });
  },
  { kinds: [...kinds] },
);
