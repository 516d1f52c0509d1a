/**
 * `npm run fuzz -- --cases 20000 [--seed N] [--only slack|discord] [--shrink K]`: the fuzz suite at
 * length. Prints, per adapter, the cases run and how many crashed, got a 5xx, were answered late
 * (or not at all), logged an internal error or changed what they must not; then the first failing
 * cases of each kind, shrunk, with the seed and path that replay them. Exits 1 when any failed.
 */
import { parseArgs } from 'node:util';
import type fc from 'fast-check';
import globalSetup from '../helpers/global-setup';
import globalTeardown from '../helpers/global-teardown';
import type { FuzzTarget } from './findings';
import { surveyFuzz, type Tally } from './run';
import { slackCase } from './slack-cases';
import { SlackFuzzWorld } from './slack-target';
import { discordCase } from './discord-cases';
import { DiscordFuzzWorld } from './discord-target';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      cases: { type: 'string', default: '20000' },
      seed: { type: 'string' },
      only: { type: 'string' },
      shrink: { type: 'string', default: '8' },
    },
  });
  const cases = Number(values.cases);
  const seed = values.seed === undefined ? Date.now() % 2 ** 31 : Number(values.seed);
  const shrink = Number(values.shrink);
  const log = (line: string) => console.log(line);
  await globalSetup();
  const adapters: Array<[string, () => Promise<FuzzTarget<any> & { close(): Promise<void> }>, fc.Arbitrary<any>]> = [
    ['slack', () => new SlackFuzzWorld().start(), slackCase],
    ['discord', () => new DiscordFuzzWorld().start(), discordCase],
  ];
  const selected = adapters.filter(([name]) => !values.only || values.only === name);
  const perAdapter = Math.ceil(cases / selected.length);
  let failed = false;
  try {
    for (const [name, start, arbitrary] of selected) {
      log(`${name}: ${perAdapter} cases, seed ${seed}`);
      const world = await start();
      let tally: Tally;
      try {
        tally = await surveyFuzz(world, arbitrary, { cases: perAdapter, seed, shrink, log });
      } finally {
        await world.close();
      }
      const { counts } = tally;
      log(
        `${name}: ${tally.cases} cases in ${Math.round(tally.ms / 1000)} s (seed ${seed}): ` +
          `${counts.crash} crashes, ${counts['5xx']} × 5xx, ${counts.slow} slow or unanswered, ` +
          `${counts.error} internal errors logged, ${counts.change} unexpected changes`,
      );
      if (Object.values(counts).some((n) => n > 0)) failed = true;
    }
  } finally {
    await globalTeardown();
  }
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(2);
  },
);
