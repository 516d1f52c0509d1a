import { InvalidInputError } from '../../src/core/errors';
import { parseMessageRef } from '../../src/bots/discord/message-link';
import { parseSlackMessageRef, slackMessageLink } from '../../src/bots/slack/message-link';

describe("a pasted message, in the platform's stored message id", () => {
  test.each([
    [
      'https://discord.com/channels/100000000000000001/100000000000000010/1234567890123456789',
      { platformMessageId: '1234567890123456789' },
    ],
    [
      '  <https://discord.com/channels/100000000000000001/100000000000000010/1234567890123456789>  ',
      { platformMessageId: '1234567890123456789' },
    ],
    [
      'https://ptb.discord.com/channels/100000000000000001/100000000000000010/1234567890123456789',
      { platformMessageId: '1234567890123456789' },
    ],
    [
      'https://canary.discordapp.com/channels/100000000000000001/100000000000000010/1234567890123456789/',
      { platformMessageId: '1234567890123456789' },
    ],
    [
      'https://discord.com/channels/@me/100000000000000010/1234567890123456789',
      { platformMessageId: '1234567890123456789' },
    ],
    ['1234567890123456789', { platformMessageId: '1234567890123456789' }],
    ['42', { commentId: 42 }],
  ])('Discord: %s', (text, expected) => {
    expect(parseMessageRef(text)).toEqual(expected);
  });

  test.each([
    [
      'https://WORKSPACE.slack.com/archives/C0123ABC/p1700000000123456',
      { platformMessageId: 'C0123ABC:1700000000.123456' },
    ],
    [
      '<https://acme.slack.com/archives/C0123ABC/p1700000000123456?thread_ts=1699999999.000100&cid=C0123ABC>',
      { platformMessageId: 'C0123ABC:1700000000.123456' },
    ],
    [
      '<https://acme.slack.com/archives/D0AAA1/p1700000000000001|message>',
      { platformMessageId: 'D0AAA1:1700000000.000001' },
    ],
    [
      'https://acme.enterprise.slack.com/archives/G0PRIV/p1700000000999999',
      { platformMessageId: 'G0PRIV:1700000000.999999' },
    ],
    ['C0123ABC:1700000000.123456', { platformMessageId: 'C0123ABC:1700000000.123456' }],
    ['17', { commentId: 17 }],
  ])('Slack: %s', (text, expected) => {
    expect(parseSlackMessageRef(text)).toEqual(expected);
  });

  test.each([
    '',
    'hello',
    '#6',
    'https://example.com/channels/1/2/3',
    'https://discord.com/channels/100000000000000001/100000000000000010',
    'https://acme.slack.com/archives/C0123ABC/p1700000000123456',
    '12.5',
    '-3',
    '0',
  ])('Discord refuses %p, saying what to paste', (text) => {
    const error = (() => {
      try {
        parseMessageRef(text);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as Error).message).toMatch(/Copy Message Link/);
  });

  test.each([
    '',
    'hello',
    'https://acme.slack.com/archives/C0123ABC',
    'https://acme.slack.com/archives/C0123ABC/p17000',
    'https://evil.example.com/archives/C0123ABC/p1700000000123456',
    'https://discord.com/channels/1/2/3',
    '0',
  ])('Slack refuses %p, saying what to paste', (text) => {
    expect(() => parseSlackMessageRef(text)).toThrow(InvalidInputError);
    expect(() => parseSlackMessageRef(text)).toThrow(/Copy link/);
  });

  test('a stored Slack message id becomes the link "Copy link" would give, and reads back as the same id', () => {
    const link = slackMessageLink('acme', 'DUCORA:1700000000.000123');
    expect(link).toBe('https://acme.slack.com/archives/DUCORA/p1700000000000123');
    expect(parseSlackMessageRef(link)).toEqual({ platformMessageId: 'DUCORA:1700000000.000123' });
  });
});
