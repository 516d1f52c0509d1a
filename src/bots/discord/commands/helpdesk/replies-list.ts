import type { ChatInputCommandInteraction } from 'discord.js';
import { savedReplyListText } from '../../../../core/rules/saved-replies';
import { interactionActor } from '../../actor';
import { answerPrivately } from '../../answer';
import type { DiscordContext } from '../../context';

/** `/helpdesk replies list` (admins): every saved reply, how often it was sent, and how it starts. */
export const name = 'helpdesk replies list';

/** A Discord message holds 2000 characters; a longer list comes as a file. */
const CONTENT_MAX = 2000;

export async function run(interaction: ChatInputCommandInteraction, ctx: DiscordContext): Promise<void> {
  await answerPrivately(interaction, ctx, async (tr) => {
    const replies = await ctx.helpdesk.savedReplies.overview(interactionActor(interaction));
    const text = savedReplyListText(replies, tr);
    if (text.length <= CONTENT_MAX) return text;
    return {
      content: tr('savedRepliesChat.listTitle'),
      files: [{ attachment: Buffer.from(text, 'utf8'), name: 'saved-replies.txt' }],
    };
  });
}
