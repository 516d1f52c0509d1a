import type { ChatInputCommandInteraction } from 'discord.js';
import { formatStats } from '../../../../core/rules/stats';
import { interactionActor } from '../../actor';
import { answerPrivately } from '../../answer';
import type { DiscordContext } from '../../context';
import { MESSAGE_MAX } from '../../format';

/** `/helpdesk stats [period:7d|30d]` (admins): the figures, privately; a file when they outgrow one message. */
export const name = 'helpdesk stats';

export async function run(interaction: ChatInputCommandInteraction, ctx: DiscordContext): Promise<void> {
  await answerPrivately(interaction, ctx, async (tr) => {
    const stats = await ctx.helpdesk.stats.stats(interactionActor(interaction), {
      period: interaction.options.getString('period') ?? undefined,
    });
    const text = formatStats(stats, tr);
    if (text.length <= MESSAGE_MAX) return text;
    return {
      content: tr('answers.stats.attached', { period: stats.period }),
      files: [{ attachment: Buffer.from(`${text}\n`, 'utf8'), name: `helpdesk-stats-${stats.period}.txt` }],
    };
  });
}
