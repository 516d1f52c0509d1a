import type { ChatInputCommandInteraction } from 'discord.js';
import type { RedactionResult } from '../../../../core/services/comments';
import { ticketRedactionAnswer } from '../../../privacy-answers';
import { redactionAnswer } from '../../../redaction-answer';
import { interactionActor } from '../../actor';
import { answerPrivately } from '../../answer';
import type { Translate } from '../../../reader';
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
  await answerPrivately(interaction, ctx, async (tr) => {
    const replacement = interaction.options.getString('replacement') ?? undefined;
    const actor = interactionActor(interaction);
    const ticketNumber = interaction.options.getInteger('ticket');
    const link = interaction.options.getString('message');
    if (ticketNumber !== null && link === null) {
      const part = interaction.options.getString('part') ?? '';
      return ticketRedactionAnswer(
        await ctx.helpdesk.privacy.redactTicket(actor, { ticketNumber, part, replacement }),
        tr,
      );
    }
    if (link === null || ticketNumber !== null)
      return tr('answers.redact.oneThing', { message: '`message:`', ticket: '`ticket:`', part: '`part:`' });
    const message = parseMessageRef(link, tr);
    const result = await ctx.helpdesk.comments.redact(actor, {
      ...message,
      replacement,
    });
    return redactionAnswer(result, 'discord', aboutOriginal(result, tr), tr);
  });
}

/** What the bot can do about the message as it was written: delete it, given Manage Messages. */
function aboutOriginal({ comment }: RedactionResult, tr: Translate): string | null {
  if (!comment.platform || !comment.platformMessageId) return null;
  if (comment.platform === 'discord') {
    return tr('answers.redact.deleting');
  }
  return tr('answers.redact.onSlack');
}
