import type { ChatInputCommandInteraction } from 'discord.js';
import { SIGN_IN_MINUTES } from '../../../../core/rules/dashboard-access';
import { t } from '../../../../core/texts';
import { interactionActor } from '../../actor';
import { answerPrivately } from '../../answer';
import type { DiscordContext } from '../../context';

/** `/helpdesk dashboard` (anyone): a single-use sign-in link for the web dashboard, privately. */
export const name = 'helpdesk dashboard';

export async function run(interaction: ChatInputCommandInteraction, ctx: DiscordContext): Promise<void> {
  await answerPrivately(interaction, ctx, async () => {
    const link = await ctx.helpdesk.dashboard.signInLink(interactionActor(interaction));
    return t(link.language, 'dashboard.signIn.link', { minutes: SIGN_IN_MINUTES, url: link.url });
  });
}
