import { discordCase } from './discord-cases';
import { DiscordFuzzWorld } from './discord-target';
import { assertFuzz } from './run';

/** `FUZZ_CASES` and `FUZZ_SEED` override the seeded run (npm run fuzz runs many more). */
const cases = Number(process.env.FUZZ_CASES ?? 1000);
const seed = Number(process.env.FUZZ_SEED ?? 20);

describe('Discord, fuzzed through the real discord.js client', () => {
  let world: DiscordFuzzWorld;
  beforeAll(async () => {
    world = await new DiscordFuzzWorld().start();
  });
  afterAll(async () => {
    await world?.close();
  });

  test(`${cases} generated interactions and gateway events: no crash, every interaction answered within 3 s, no internal error, and nothing changed that its sender may not change`, async () => {
    await assertFuzz(world, discordCase, { cases, seed });
  }, 600_000);
});
