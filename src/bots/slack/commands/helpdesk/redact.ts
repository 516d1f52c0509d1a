import type { RedactionResult } from '../../../../core/services/comments';
import type { ActorRef } from '../../../../core/services/people';
import { REDACTABLE_PARTS, type RedactablePart } from '../../../../core/schemas';
import { ticketRedactionAnswer } from '../../../privacy-answers';
import { redactionAnswer } from '../../../redaction-answer';
import type { Translate } from '../../../reader';
import type { SlackContext } from '../../context';
import type { SubCommandCall } from '../sub-command';
import { parseSlackMessageRef, slackMessageLink } from '../../message-link';

const REDACT_EXAMPLES =
  '`/helpdesk redact LINK [replacement]`, `/helpdesk redact N title|description|rating [replacement]`';

/**
 * `/helpdesk redact LINK [replacement]` (the whole text after `/helpdesk`, so the replacement keeps
 * its spacing): the core checks that the person is an admin and finds the comment; the answer says
 * what the bot does on Slack and which message a person has to delete, since Slack lets no app
 * delete someone's message.
 */
export async function redactCommand(
  ctx: Pick<SlackContext, 'helpdesk'>,
  actor: ActorRef,
  text: string,
  teamDomain: string,
  tr: Translate,
): Promise<string> {
  const [, target, part] = text.trim().split(/\s+/);
  if (!target) return tr('slack.redactUsage', { examples: REDACT_EXAMPLES });
  if (part && REDACTABLE_PARTS.includes(part.toLowerCase() as RedactablePart)) {
    const replacement = text.trim().replace(/^\S+\s+\S+\s+\S+\s*/, '');
    const result = await ctx.helpdesk.privacy.redactTicket(actor, {
      ticketNumber: target,
      part,
      ...(replacement ? { replacement } : {}),
    });
    return ticketRedactionAnswer(result, tr);
  }
  const message = parseSlackMessageRef(target, tr);
  const replacement = text.trim().replace(/^\S+\s+\S+\s*/, '');
  const result = await ctx.helpdesk.comments.redact(actor, { ...message, ...(replacement ? { replacement } : {}) });
  return redactionAnswer(result, 'slack', aboutOriginal(result, teamDomain, tr), tr);
}

/** `/helpdesk redact …` (admins). */
export async function run({ ctx, actor, answer, command, tr }: SubCommandCall): Promise<void> {
  await answer(await redactCommand(ctx, actor, command.text ?? '', command.team_domain, tr));
}

function aboutOriginal({ comment }: RedactionResult, teamDomain: string, tr: Translate): string | null {
  if (!comment.platform || !comment.platformMessageId) return null;
  if (comment.platform !== 'slack') return tr('slack.redactOnDiscord');
  const link = slackMessageLink(teamDomain, comment.platformMessageId);
  // D…: the customer's direct messages with the app, which no one else can open.
  if (comment.platformMessageId.startsWith('D')) {
    return tr('slack.redactInDm', { link });
  }
  return tr('slack.redactInChannel', { link });
}
