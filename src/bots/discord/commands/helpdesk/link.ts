import type { ChatInputCommandInteraction } from 'discord.js';
import { actorOf } from '../../actor';
import { answerPrivately } from '../../answer';
import type { DiscordContext } from '../../context';

/** `/helpdesk link [CODE]`: without a code, a one-time code to use on Slack; with one, joins the two identities. */
export const name = 'helpdesk link';

export async function run(interaction: ChatInputCommandInteraction, ctx: DiscordContext): Promise<void> {
  await answerPrivately(interaction, ctx, async () => {
    const code = interaction.options.getString('code') ?? undefined;
    const result = await ctx.helpdesk.staff.link(actorOf(interaction.user, interaction.member), { code });
    if ('code' in result) {
      return `Your link code is **${result.code}**. Run \`/helpdesk link ${result.code}\` on Slack before <t:${Math.floor(result.expiresAt.getTime() / 1000)}:t>.`;
    }
    return `Linked: your Discord and Slack identities are now one person (${result.linked.displayName}).`;
  });
}
