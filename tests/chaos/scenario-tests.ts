import { formatFigures, type Figures } from '../../chaos/figures';
import { SCENARIOS } from '../../chaos/run';
import type { Store } from '../../chaos/world';

const NAMES: Record<string, string> = {
  a: 'the database cut amid ticket submissions',
  b: 'a storm of 429s and 500s while tickets open and replies mirror both ways',
  c: 'kill -9 of the process group mid-posts, then a restart',
  d: 'two instances on one database, each Slack event retried to the other',
  e: 'Discord: the gateway dropped mid-burst, its session invalidated, the lease holder killed',
};

/**
 * One test per scenario of the fault suite at its short size (`npm run chaos` runs the full ones):
 * whatever the fault, nothing acknowledged is lost, nothing reaches the platform twice, nothing
 * arrives out of order, and no one told "not opened" has a ticket.
 */
export function scenarioTests(keys: string[], store: Store, enabled: boolean): void {
  for (const key of keys) {
    const scenario = SCENARIOS.find((s) => s.key === key)!;
    (enabled ? test : test.skip)(
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
}
