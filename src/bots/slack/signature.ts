import { createHmac, timingSafeEqual } from 'node:crypto';

/** Slack refuses requests older than 5 minutes as replays; so do we, and ones as far in the future. */
const MAX_SKEW_SECONDS = 5 * 60;

/**
 * Whether a request really comes from Slack: its `x-slack-signature` is `v0=` and the hex
 * HMAC-SHA256 of `v0:<x-slack-request-timestamp>:<raw body>` under the signing secret (over the
 * bytes as received: two bodies that decode to the same text are still two bodies), and the
 * timestamp is within 5 minutes of now. One HMAC and a constant-time comparison (Bolt's helper
 * compares with `tsscmp`, which costs two more HMACs and random bytes on every request).
 */
export function isSignedBySlack(
  signingSecret: string,
  rawBody: Buffer | string,
  signature: unknown,
  timestamp: unknown,
  nowMs = Date.now(),
): boolean {
  if (typeof signature !== 'string' || typeof timestamp !== 'string' || !/^\d+$/.test(timestamp)) return false;
  if (Math.abs(nowMs / 1000 - Number(timestamp)) > MAX_SKEW_SECONDS) return false;
  const expected = Buffer.from(
    `v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:`).update(rawBody).digest('hex')}`,
  );
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
