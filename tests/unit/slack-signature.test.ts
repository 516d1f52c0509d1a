import { createHmac } from 'node:crypto';
import { isSignedBySlack } from '../../src/bots/slack/signature';

const SECRET = 'unit-secret';
const NOW = 1_800_000_000_000;
const sign = (body: string, timestamp: string, secret = SECRET) =>
  `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;

/** Only requests Slack signed, and recently, are let in. */
describe("Slack's request signature", () => {
  const ts = String(NOW / 1000);
  test.each([
    ['a request signed now', 'a=1', sign('a=1', ts), ts, true],
    [
      'a request signed 4 minutes 59 seconds ago',
      'a=1',
      sign('a=1', String(NOW / 1000 - 299)),
      String(NOW / 1000 - 299),
      true,
    ],
    ['a request signed 6 minutes ago', 'a=1', sign('a=1', String(NOW / 1000 - 360)), String(NOW / 1000 - 360), false],
    ['a request dated 6 minutes ahead', 'a=1', sign('a=1', String(NOW / 1000 + 360)), String(NOW / 1000 + 360), false],
    ['a body changed after signing', 'a=2', sign('a=1', ts), ts, false],
    ['another secret', 'a=1', sign('a=1', ts, 'other'), ts, false],
    ['a v1 signature', 'a=1', sign('a=1', ts).replace('v0=', 'v1='), ts, false],
    ['a truncated signature', 'a=1', sign('a=1', ts).slice(0, 20), ts, false],
    ['no signature', 'a=1', undefined, ts, false],
    ['a timestamp that is not a number', 'a=1', sign('a=1', 'soon'), 'soon', false],
  ])('%s', (_name, body, signature, timestamp, expected) => {
    expect(isSignedBySlack(SECRET, body, signature, timestamp, NOW)).toBe(expected);
  });
});

describe('the signature covers the bytes as sent', () => {
  const ts = String(NOW / 1000);
  const signBytes = (bytes: Buffer) =>
    `v0=${createHmac('sha256', SECRET).update(`v0:${ts}:`).update(bytes).digest('hex')}`;

  test('a body whose bytes differ from the signed ones is refused, even when both decode to the same text', () => {
    const signed = Buffer.from([0x7b, 0xff, 0x7d]);
    const sent = Buffer.from([0x7b, 0xfe, 0x7d]);
    expect(signed.toString('utf8')).toBe(sent.toString('utf8'));
    expect(isSignedBySlack(SECRET, sent, signBytes(signed), ts, NOW)).toBe(false);
    expect(isSignedBySlack(SECRET, signed, signBytes(signed), ts, NOW)).toBe(true);
  });
});
