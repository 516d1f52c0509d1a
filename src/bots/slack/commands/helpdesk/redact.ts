import type { RedactionResult } from '../../../../core/services/comments';
import type { ActorRef } from '../../../../core/services/people';
import { REDACTABLE_PARTS, type RedactablePart } from '../../../../core/schemas';
import { ticketRedactionAnswer } from '../../../privacy-answers';
import { redactionAnswer } from '../../../redaction-answer';
import type { SlackContext } from '../../context';
import type { SubCommandCall } from '../sub-command';
import { parseSlackMessageRef, slackMessageLink } from '../../message-link';

export const REDACT_USAGE =
  "Try `/helpdesk redact LINK [replacement]`, with the link from the message's \"Copy link\" (the helpdesk's copy of it in the ticket's thread will do), or `/helpdesk redact N title|description|rating [replacement]` for a ticket's own text.";

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
): Promise<string> {
  const [, target, part] = text.trim().split(/\s+/);
  if (!target) return REDACT_USAGE;
  if (part && REDACTABLE_PARTS.includes(part.toLowerCase() as RedactablePart)) {
    const replacement = text.trim().replace(/^\S+\s+\S+\s+\S+\s*/, '');
    const result = await ctx.helpdesk.privacy.redactTicket(actor, {
      ticketNumber: target,
      part,
      ...(replacement ? { replacement } : {}),
    });
    return ticketRedactionAnswer(result);
  }
  const message = parseSlackMessageRef(target);
  const replacement = text.trim().replace(/^\S+\s+\S+\s*/, '');
  const result = await ctx.helpdesk.comments.redact(actor, { ...message, ...(replacement ? { replacement } : {}) });
  return redactionAnswer(result, 'slack', aboutOriginal(result, teamDomain));
}

/** `/helpdesk redact …` (admins). */
export async function run({ ctx, actor, answer, command }: SubCommandCall): Promise<void> {
  await answer(await redactCommand(ctx, actor, command.text ?? '', command.team_domain));
}

function aboutOriginal({ comment }: RedactionResult, teamDomain: string): string | null {
  if (!comment.platform || !comment.platformMessageId) return null;
  if (comment.platform !== 'slack') return 'It was written on Discord, where the bot deletes the message itself.';
  const link = slackMessageLink(teamDomain, comment.platformMessageId);
  // D…: the customer's direct messages with the app, which no one else can open.
  if (comment.platformMessageId.startsWith('D')) {
    return `Slack lets no app delete a person's message, and this one is in their direct messages with the app, where only they can: please ask them to delete it (${link}).`;
  }
  return `Slack lets no app delete a person's message: please delete it (and any file shared with it) yourself, or ask a workspace admin: ${link}`;
}
