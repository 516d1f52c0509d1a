import { assertFuzz } from './run';
import { slackCase } from './slack-cases';
import { SlackFuzzWorld } from './slack-target';

/** `FUZZ_CASES` and `FUZZ_SEED` override the seeded run (npm run fuzz runs many more). */
const cases = Number(process.env.FUZZ_CASES ?? 1000);
const seed = Number(process.env.FUZZ_SEED ?? 20);

describe('Slack, fuzzed through the real Bolt app', () => {
  let world: SlackFuzzWorld;
  beforeAll(async () => {
    world = await new SlackFuzzWorld().start();
  });
  afterAll(async () => {
    await world?.close();
  });

  test(`${cases} generated requests: no crash, no 5xx, every one answered within 3 s, and nothing changed that its sender may not change`, async () => {
    await assertFuzz(world, slackCase, { cases, seed });
  }, 600_000);
});
