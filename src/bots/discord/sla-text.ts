import { slaArticle } from '../../core/rules/sla-article';
import type { SlaSetup } from '../../core/rules/sla';
import type { Translate } from '../reader';
import type { PrivateAnswer } from './answer';
import { MESSAGE_MAX } from './format';

/**
 * The SLA as the core writes it for customers (the generated article), so what admins see after a
 * change is exactly what the knowledge base now says; a file if it outgrows a message.
 */
export function slaText(setup: SlaSetup, tr: Translate, heading = tr('answers.sla.now')): string | PrivateAnswer {
  const { title, body } = slaArticle(setup);
  const text = `${heading}\n**${title}**\n${body}`;
  if (text.length <= MESSAGE_MAX) return text;
  return {
    content: tr('answers.sla.attached', { heading }),
    files: [{ attachment: Buffer.from(`${title}\n\n${body}\n`, 'utf8'), name: 'sla.txt' }],
  };
}
