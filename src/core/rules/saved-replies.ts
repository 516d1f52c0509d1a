import type { TextKey, TextParams } from '../texts';

/** A saved reply's name and text, as long as they may be (PRODUCT.md "Saved replies"). */
export const SAVED_REPLY_NAME_MAX = 40;
export const SAVED_REPLY_TEXT_MAX = 2000;

/** What a saved reply's placeholders stand for, in one ticket. */
export interface SavedReplyFacts {
  customer: string;
  number: number;
  assignee: string | null;
  title: string;
}

const PLACEHOLDER = /\{(customer|number|assignee|title)\}/g;

/**
 * A saved reply's text with `{customer}`, `{number}`, `{assignee}` and `{title}` filled in from the
 * ticket; any other braces are left as written. No assignee fills in nothing.
 */
export function fillSavedReply(text: string, facts: SavedReplyFacts): string {
  return text.replace(PLACEHOLDER, (_, name: keyof SavedReplyFacts) => {
    const value = facts[name];
    return value === null ? '' : String(value);
  });
}

/** `/helpdesk replies list`: each reply with its count and the start of its text, in the reader's language. */
export function savedReplyListText(
  replies: Array<{ name: string; text: string; uses: number }>,
  say: (key: TextKey, params?: TextParams) => string,
): string {
  if (replies.length === 0) return say('savedRepliesChat.listEmpty');
  const preview = (text: string) => {
    const line = text.replace(/\s+/g, ' ').trim();
    return line.length <= 80 ? line : `${line.slice(0, 79)}…`;
  };
  return [
    say('savedRepliesChat.listTitle'),
    ...replies.map((r) => say('savedRepliesChat.listLine', { name: r.name, count: r.uses, preview: preview(r.text) })),
  ].join('\n');
}
