/**
 * Fitting what a person wrote (a ticket's title, a name, a saved reply's name) into a field of
 * limited length (a Slack option holds 75 characters, a section 3000): cut at a word, with an
 * ellipsis, so the reader sees that it goes on. Texts from the catalog fit by construction (a
 * test holds them within each limit) and are never cut.
 */
const ELLIPSIS = '…';
/** A word boundary further back than this share of the room is not worth the loss: cut mid-word then. */
const WORD_CUT_REACH = 0.6;

export function fitText(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= ELLIPSIS.length) return text.slice(0, max);
  let room = max - ELLIPSIS.length;
  // Never split a character that takes two UTF-16 units (an emoji) in half.
  if (/[\uD800-\uDBFF]/.test(text.charAt(room - 1))) room -= 1;
  const head = text.slice(0, room);
  // The cut falls between words when the next character starts a new one; else at the last space.
  const atBoundary = /\s/.test(text.charAt(room));
  const lastSpace = head.search(/\s\S*$/);
  const cut = atBoundary ? head : lastSpace >= room * WORD_CUT_REACH ? head.slice(0, lastSpace) : head;
  return `${cut.trimEnd()}${ELLIPSIS}`;
}
