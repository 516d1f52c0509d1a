import type { ChatInputCommandInteraction } from 'discord.js';
import { PLATFORM_LABEL } from '../../../../core/rules/messages';
import { interactionActor } from '../../actor';
import { answerPrivately } from '../../answer';
import type { DiscordContext } from '../../context';

/** `/helpdesk link [CODE]`: without a code, a one-time code to use on Slack; with one, asks the code's owner to confirm joining the two identities. */
export const name = 'helpdesk link';

export async function run(interaction: ChatInputCommandInteraction, ctx: DiscordContext): Promise<void> {
  await answerPrivately(interaction, ctx, async (tr) => {
    const code = interaction.options.getString('code') ?? undefined;
    const result = await ctx.helpdesk.staff.link(interactionActor(interaction), { code });
    if ('code' in result) {
      return tr('answers.link.code', {
        code: `**${result.code}**`,
        command: `\`/helpdesk link ${result.code}\``,
        platform: 'Slack',
        time: `<t:${Math.floor(result.expiresAt.getTime() / 1000)}:t>`,
      });
    }
    return tr('answers.link.asked', { platform: PLATFORM_LABEL[result.awaitingConfirmation] });
  });
}
