import { formatFigures, type Figures } from '../../chaos/figures';
import { SCENARIOS } from '../../chaos/run';
import type { Store } from '../../chaos/world';

/**
 * The fault suite at its short sizes (`npm run chaos` runs the full ones): the app as real
 * processes against the Slack fake at 100–200 ms. Scenarios on PostgreSQL run when
 * TEST_DATABASE_URL names a server; the storm also runs on the embedded store. Whatever the fault,
 * nothing acknowledged is lost, nothing reaches Slack twice, nothing arrives out of order, and no
 * one told "not opened" has a ticket.
 */
const stores: Store[] = process.env.TEST_DATABASE_URL ? ['postgres', 'pglite'] : ['pglite'];
// The storm is also a PostgreSQL scenario; on the server, `npm run chaos` runs it (the short suite keeps within its time).
const SHORT_SUITE: Array<{ key: string; store: Store }> = [
  { key: 'a', store: 'postgres' },
  { key: 'c', store: 'postgres' },
  { key: 'd', store: 'postgres' },
  { key: 'e', store: 'postgres' },
  { key: 'b', store: 'pglite' },
];

const NAMES: Record<string, string> = {
  a: 'the database cut amid ticket submissions',
  b: 'a storm of 429s and 500s while tickets open and replies mirror both ways',
  c: 'kill -9 of the process group mid-posts, then a restart',
  d: 'two instances on one database, each Slack event retried to the other',
  e: 'Discord: the gateway dropped mid-burst, its session invalidated, the lease holder killed',
};

describe('the fault suite (short)', () => {
  for (const { key, store } of SHORT_SUITE) {
    const scenario = SCENARIOS.find((s) => s.key === key)!;
    const run = stores.includes(store) ? test : test.skip;
    run(
      `${NAMES[key]} [${store}]: nothing lost, nothing doubled, nothing out of order`,
      async () => {
        const figures: Figures = await scenario.run({ short: true, store, log: () => undefined });
        console.log(formatFigures(figures));
        expect(figures).toMatchObject({ lost: 0, doubled: 0, outOfOrder: 0, refusedButStored: 0 });
        expect(figures.secondsToRecover).toBeGreaterThanOrEqual(0);
        expect(figures.stored + figures.refusedWithMessage).toBe(figures.sent);
      },
      180_000,
    );
  }
});
