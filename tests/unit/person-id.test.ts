import { parsePersonId } from '../../src/bots/privacy-answers';

describe('naming a person for /helpdesk forget and export', () => {
  test.each([
    ['<@123456789012345678>', 'discord', { platform: 'discord', userId: '123456789012345678' }],
    ['<@!123456789012345678>', 'discord', { platform: 'discord', userId: '123456789012345678' }],
    ['<@U0123ABC|ann>', 'slack', { platform: 'slack', userId: 'U0123ABC' }],
    ['<@U0123ABC>', 'slack', { platform: 'slack', userId: 'U0123ABC' }],
    ['discord:123456789012345678', 'slack', { platform: 'discord', userId: '123456789012345678' }],
    ['Slack:U0123ABC', 'discord', { platform: 'slack', userId: 'U0123ABC' }],
    ['  123456789012345678 ', 'discord', { platform: 'discord', userId: '123456789012345678' }],
    ['U0123ABC', 'slack', { platform: 'slack', userId: 'U0123ABC' }],
  ] as const)('%s (run on %s)', (text, here, expected) => {
    expect(parsePersonId(text, here)).toEqual(expected);
  });

  test.each(['', '@ann', 'teams:123', '<#C123>', 'a b'])('%j is refused with what to write instead', (text) => {
    expect(() => parsePersonId(text, 'slack')).toThrow(/mention, or by their id/);
  });
});
