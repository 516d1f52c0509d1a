/**
 * Text as Slack sends it (in message events) is already escaped (`&amp;`, `&lt;`, `&gt;`) and holds
 * live tokens: mentions `<@U123|name>`, channels `<#C123|name>`, specials `<!here>`, `<!channel>`,
 * `<!subteam^S1|@team>`, `<!date^…|fallback>`, and links `<url|label>`. Shown anywhere, those
 * tokens are words, never mentions or disguised links.
 */
// A token starts with @, # or ! or a URL scheme; a bounded run up to the next `<` or `>` keeps matching linear.
const TOKEN = /<((?:[@#!]|[a-z][a-z0-9+.-]{0,20}:)[^<>]{0,1000})>/gi;

const SPECIAL: Record<string, string> = { here: '@here', channel: '@channel', everyone: '@everyone' };

/** One token's inner text (between `<` and `>`) as the words a reader sees. */
function tokenAsWords(inner: string): string {
  const bar = inner.indexOf('|');
  const target = bar < 0 ? inner : inner.slice(0, bar);
  const label = bar < 0 ? null : inner.slice(bar + 1);
  if (target.startsWith('@')) return `@${label ?? target.slice(1)}`;
  if (target.startsWith('#')) return `#${label ?? target.slice(1)}`;
  if (target.startsWith('!')) return label ?? SPECIAL[target.slice(1)] ?? target.slice(1);
  return label && label !== target ? `${label} (${target})` : target;
}

/** Slack's text with its tokens as words; its escapes are kept (the result is still escaped text). */
export function slackTokensAsWords(text: string): string {
  return text
    .replace(TOKEN, (_, inner: string) => tokenAsWords(inner))
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** Slack's text as plain words, for a file or another platform: tokens as words, escapes undone. */
export function slackTextAsPlain(text: string): string {
  return slackTokensAsWords(text).replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}
