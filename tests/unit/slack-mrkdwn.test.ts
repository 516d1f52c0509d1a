import { escapeMrkdwn, slackTextAsMrkdwn } from '../../src/bots/slack/mrkdwn';
import { slackTextAsPlain } from '../../src/core/rules/chat-text';

describe('text entering Slack mrkdwn', () => {
  test.each([
    ['<!channel> <!here> <@UADMIN>', '&lt;!channel&gt; &lt;!here&gt; &lt;@UADMIN&gt;'],
    ['<https://evil.example|Reset your password>', '&lt;https://evil.example|Reset your password&gt;'],
    ['Fish & chips < 5 > 3', 'Fish &amp; chips &lt; 5 &gt; 3'],
    ['already &amp; typed', 'already &amp;amp; typed'],
  ])('plain text %j is escaped once', (text, expected) => {
    expect(escapeMrkdwn(text)).toBe(expected);
  });

  test.each([
    ['<!here> please', '@here please'],
    ['<!channel>', '@channel'],
    ['ask <@U123|ann> or <@U456>', 'ask @ann or @U456'],
    ['in <#C123|general>', 'in #general'],
    ['<!subteam^S123|@admins> look', '@admins look'],
    ['<https://evil.example|Reset your password>', 'Reset your password (https://evil.example)'],
    ['see <https://example.com>', 'see https://example.com'],
    ['<mailto:a@b.c|mail me>', 'mail me (mailto:a@b.c)'],
    ['Fish &amp; chips &lt;3', 'Fish &amp; chips &lt;3'],
    ['a stray < and >', 'a stray &lt; and &gt;'],
  ])("Slack's own text %j keeps its escapes and shows its tokens as plain words", (text, expected) => {
    expect(slackTextAsMrkdwn(text)).toBe(expected);
    expect(slackTextAsMrkdwn(text)).not.toMatch(/<[@#!]/);
  });

  test("Slack's text as plain words for a file: entities decoded, tokens as words", () => {
    expect(slackTextAsPlain('<!here> &lt;b&gt; &amp; <@U1|ann> <https://x.example|here>')).toBe(
      '@here <b> & @ann here (https://x.example)',
    );
  });

  test('a 40k-character token-like input is rendered whole', () => {
    const text = '<'.repeat(20_000) + 'x'.repeat(20_000);
    expect(slackTextAsMrkdwn(text)).toBe('&lt;'.repeat(20_000) + 'x'.repeat(20_000));
  });
});
