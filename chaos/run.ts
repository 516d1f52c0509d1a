import { discordGateway } from './discord-scenario';
import { formatFigures, missedGoals, type Figures } from './figures';
import { databaseCut, killMidPosts, rateLimitStorm, twoInstances, type ScenarioOptions } from './scenarios';
import type { Store } from './world';

export interface Scenario {
  key: string;
  stores: Store[];
  run(options: ScenarioOptions): Promise<Figures>;
}

/** Every scenario, with the stores it applies to (several processes on one database need a server). */
export const SCENARIOS: Scenario[] = [
  { key: 'a', stores: ['postgres'], run: databaseCut },
  { key: 'b', stores: ['postgres', 'pglite'], run: rateLimitStorm },
  { key: 'c', stores: ['postgres'], run: killMidPosts },
  { key: 'd', stores: ['postgres'], run: twoInstances },
  { key: 'e', stores: ['postgres'], run: discordGateway },
];

/**
 * `npm run chaos`: the fault suite at full size, every scenario on PostgreSQL (CHAOS_DATABASE_URL,
 * else TEST_DATABASE_URL, else the local server) and those that apply on the embedded store.
 * `--short` runs the sizes `npm test` uses, `--only a,c` some scenarios, `--json` ends with one
 * JSON object. Exits 1 when a goal is missed.
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const short = args.includes('--short');
  const json = args.includes('--json');
  const only = args
    .find((a) => a.startsWith('--only='))
    ?.slice('--only='.length)
    .split(',');
  const results: Figures[] = [];
  for (const scenario of SCENARIOS) {
    if (only && !only.includes(scenario.key)) continue;
    for (const store of scenario.stores) {
      const started = Date.now();
      const figures = await scenario.run({ short, store, log: (line) => console.log(line) });
      results.push(figures);
      console.log(`${formatFigures(figures)}  (${((Date.now() - started) / 1000).toFixed(0)} s)`);
    }
  }
  if (json) console.log(JSON.stringify({ scenarios: results }));
  process.exit(results.some((f) => missedGoals(f).length > 0) ? 1 : 0);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(2);
  });
}
