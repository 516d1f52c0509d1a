import type { ChatInputCommandInteraction } from 'discord.js';
import { t } from '../../../../core/texts';
import { interactionActor } from '../../actor';
import { answerPrivately } from '../../answer';
import type { DiscordContext } from '../../context';

/** `/helpdesk language da|en`: the language the helpdesk speaks to this person, on every platform. */
export const name = 'helpdesk language';

export async function run(interaction: ChatInputCommandInteraction, ctx: DiscordContext): Promise<void> {
  await answerPrivately(interaction, ctx, async () => {
    const language = await ctx.helpdesk.languages.set(interactionActor(interaction), {
      language: interaction.options.getString('language', true),
    });
    return t(language, 'people.languageSet');
  });
}
