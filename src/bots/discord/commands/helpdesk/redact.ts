import type { ChatInputCommandInteraction } from 'discord.js';
import type { RedactionResult } from '../../../../core/services/comments';
import { ticketRedactionAnswer } from '../../../privacy-answers';
import { redactionAnswer } from '../../../redaction-answer';
import { actorOf } from '../../actor';
import { answerPrivately } from '../../answer';
import type { DiscordContext } from '../../context';
import { parseMessageRef } from '../../message-link';

/**
 * `/helpdesk redact message:LINK [replacement:TEXT]` (admins): a comment's text (a pasted password)
 * replaced everywhere it is stored; the deliveries it sets off edit the bot's copies and delete the
 * message written, so the answer says what is under way and what no bot can take back.
 * `/helpdesk redact ticket:N part:title|description|rating [replacement:TEXT]`: a ticket's own text.
 */
export const name = 'helpdesk redact';

export async function run(interaction: ChatInputCommandInteraction, ctx: DiscordContext): Promise<void> {
  await answerPrivately(interaction, ctx, async () => {
    const replacement = interaction.options.getString('replacement') ?? undefined;
    const actor = actorOf(interaction.user, interaction.member);
    const ticketNumber = interaction.options.getInteger('ticket');
    const link = interaction.options.getString('message');
    if (ticketNumber !== null && link === null) {
      const part = interaction.options.getString('part') ?? '';
      return ticketRedactionAnswer(await ctx.helpdesk.privacy.redactTicket(actor, { ticketNumber, part, replacement }));
    }
    if (link === null || ticketNumber !== null)
      return 'Name one thing to redact: `message:` (a comment), or `ticket:` with `part:` title, description or rating.';
    const message = parseMessageRef(link);
    const result = await ctx.helpdesk.comments.redact(actor, {
      ...message,
      replacement,
    });
    return redactionAnswer(result, 'discord', aboutOriginal(result));
  });
}

/** What the bot can do about the message as it was written: delete it, given Manage Messages. */
function aboutOriginal({ comment }: RedactionResult): string | null {
  if (!comment.platform || !comment.platformMessageId) return null;
  if (comment.platform === 'discord') {
    return 'The bot is deleting the message as it was written; if it lacks Manage Messages there, the staff channel is told which message to delete by hand.';
  }
  return 'It was written on Slack, where the message itself stays until someone deletes it there.';
}
