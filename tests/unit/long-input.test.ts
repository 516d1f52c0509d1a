import { parseMention } from '../../src/bots/slack/context';
import { withoutSignOff } from '../../src/core/rules/it-words';

/** Patterns over people's text read a bounded, anchored part of it: 40k characters give the right answer (fast, too). */
describe('patterns over 40k characters of input', () => {
  const LONG = 40_000;

  test('parseMention reads a mention at the start, and nothing from a long run of half-mentions', () => {
    expect(parseMention('<@U|'.repeat(LONG / 4))).toBeNull();
    expect(parseMention(`<@U123|ann> ${'x'.repeat(LONG)}`)).toEqual({
      platform: 'slack',
      userId: 'U123',
      nameIfUnknown: 'ann',
    });
    expect(parseMention(`${'x'.repeat(LONG)} <@U123>`)).toBeNull();
    expect(parseMention(`<@${'A'.repeat(LONG)}>`)).toBeNull();
  });

  test('withoutSignOff leaves a long text whole and takes off only the sign-off at its very end', () => {
    const body = `Printer jams. ${'x '.repeat(LONG / 2)}`;
    expect(withoutSignOff(`${body}Best regards, Anna`)).toBe(body.trimEnd());
    const spaces = `Help${' '.repeat(LONG)}x`;
    expect(withoutSignOff(spaces)).toBe(spaces);
    const separators = `Help${' ,'.repeat(LONG / 2)}`;
    expect(withoutSignOff(separators)).toBe(separators);
  });
});
