import { slaArticle } from '../../core/rules/sla-article';
import type { SlaSetup } from '../../core/rules/sla';
import type { PrivateAnswer } from './answer';
import { MESSAGE_MAX } from './format';

/**
 * The SLA as the core writes it for customers (the generated article), so what admins see after a
 * change is exactly what the knowledge base now says; a file if it outgrows a message.
 */
export function slaText(setup: SlaSetup, heading = 'The SLA now reads:'): string | PrivateAnswer {
  const { title, body } = slaArticle(setup);
  const text = `${heading}\n**${title}**\n${body}`;
  if (text.length <= MESSAGE_MAX) return text;
  return {
    content: `${heading} (attached)`,
    files: [{ attachment: Buffer.from(`${title}\n\n${body}\n`, 'utf8'), name: 'sla.txt' }],
  };
}
