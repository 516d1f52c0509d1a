import type { Person } from '../model';
import { isStaff } from './roles';
import { DESCRIPTION_MAX, TITLE_MAX } from '../schemas';

/** Whose message a ticket is opened from, as seen by the person opening it. */
export type MessageAuthor = 'actor' | 'someone_else' | 'nobody';

/**
 * Who becomes the customer of a ticket opened from a chat message (PRODUCT.md "More ways in"):
 * a customer may use their own message only; staff may use anyone's, and then the author is the
 * customer. A message nobody wrote (a bot's) is staff's own to use, and no customer's.
 */
export type MessageTicketCustomer = { customer: 'actor' } | { customer: 'author' } | { refused: 'not_your_message' };

export function customerOfMessageTicket(
  actor: Pick<Person, 'tier' | 'isAdmin'>,
  author: MessageAuthor,
): MessageTicketCustomer {
  if (author === 'actor') return { customer: 'actor' };
  if (!isStaff(actor)) return { refused: 'not_your_message' };
  return author === 'someone_else' ? { customer: 'author' } : { customer: 'actor' };
}

/** A ticket's title from a message: its first line with words, cut to the longest title there is. */
export function titleFromMessage(text: string): string {
  const line = text.split('\n').find((l) => l.trim() !== '') ?? '';
  return [...line.trim()].slice(0, TITLE_MAX).join('').trim();
}

/** A ticket's description from a message: the whole message, as long as a description may be. */
export function descriptionFromMessage(text: string): string {
  return [...text.trim()].slice(0, DESCRIPTION_MAX).join('').trim();
}
