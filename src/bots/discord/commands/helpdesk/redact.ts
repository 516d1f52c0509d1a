import type { ChatInputCommandInteraction } from 'discord.js';
import type { RedactionResult } from '../../../../core/services/comments';
import { actorOf } from '../../actor';
import { answerPrivately } from '../../answer';
import type { DiscordContext } from '../../context';
import { parseMessageRef } from '../../message-link';

/**
 * `/helpdesk redact message:LINK [replacement:TEXT]` (admins): a comment's text (a pasted password)
 * replaced everywhere it is stored; the deliveries it sets off edit the bot's copies and delete the
 * message written, so the answer says what is under way and what no bot can take back.
 */
export const name = 'helpdesk redact';

export async function run(interaction: ChatInputCommandInteraction, ctx: DiscordContext): Promise<void> {
  await answerPrivately(interaction, ctx, async () => {
    const message = parseMessageRef(interaction.options.getString('message', true));
    const replacement = interaction.options.getString('replacement') ?? undefined;
    const result = await ctx.helpdesk.comments.redact(actorOf(interaction.user, interaction.member), { ...message, replacement });
    return redactionAnswer(result);
  });
}

export function redactionAnswer({ comment, ticket, copies }: RedactionResult): string {
  const lines = [`Redacted comment ${comment.id} in ticket #${ticket.number}: the helpdesk now keeps only "${comment.body}" (earlier versions and files included).`];
  const here = copies.filter((c) => c.platform === 'discord').length;
  if (here > 0) lines.push(`The bot is editing its ${here === 1 ? 'copy' : `${here} copies`} of it to the replacement.`);
  if (comment.platform === 'discord' && comment.platformMessageId) {
    lines.push('The bot is deleting the message as it was written; if it lacks Manage Messages there, the staff channel is told which message to delete by hand.');
  } else if (comment.platform && comment.platformMessageId) {
    lines.push(`It was written on ${comment.platform === 'slack' ? 'Slack' : comment.platform}, where the message itself stays until someone deletes it there.`);
  }
  lines.push('Notifications people already saw cannot be taken back.');
  return lines.join('\n');
}
