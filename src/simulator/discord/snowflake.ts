/** Discord ids are snowflakes: time-ordered, so "messages after X" and discord.js's timestamps work as on Discord. */
const DISCORD_EPOCH = 1_420_070_400_000n;
let sequence = 0n;
let lastMs = 0n;

export function snowflake(): string {
  let ms = BigInt(Date.now());
  if (ms <= lastMs) ms = lastMs;
  else sequence = 0n;
  lastMs = ms;
  const id = ((ms - DISCORD_EPOCH) << 22n) | (sequence++ & 0x3fffffn);
  return id.toString();
}

export const compareSnowflakes = (a: string, b: string): number =>
  BigInt(a) < BigInt(b) ? -1 : BigInt(a) > BigInt(b) ? 1 : 0;
