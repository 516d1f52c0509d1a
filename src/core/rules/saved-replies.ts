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
