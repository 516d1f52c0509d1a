import { MessageFlags, type ChatInputCommandInteraction } from 'discord.js';
import { interactionActor } from '../../actor';
import { clientTexts, errorText } from '../../answer';
import type { DiscordContext } from '../../context';
import { articleForm, FORM_BODY_MAX } from '../../modals/kb-form';

/**
 * `/kb edit ID` (staff): the article form, filled in. An article longer than a Discord text input
 * holds is refused, never cut: saving a cut body would lose the rest.
 */
export const name = 'kb edit';

export async function run(interaction: ChatInputCommandInteraction, ctx: DiscordContext): Promise<void> {
  const id = interaction.options.getInteger('id', true);
  const tr = clientTexts(interaction, ctx);
  const refuse = (content: string) => interaction.reply({ content, flags: MessageFlags.Ephemeral });
  let article;
  try {
    const actor = interactionActor(interaction);
    const role = await ctx.helpdesk.staff.roleOf(actor);
    if (role === 'customer') return void (await refuse(tr('answers.kb.onlyStaffWrite')));
    article = await ctx.helpdesk.knowledge.read(actor, { id });
  } catch (error) {
    return void (await refuse(errorText(error, ctx)));
  }
  if (article.archivedAt) return void (await refuse(tr('answers.kb.isArchived', { id })));
  if (article.body.length > FORM_BODY_MAX) {
    return void (await refuse(
      tr('answers.kb.tooLongForForm', { id, length: article.body.length, max: FORM_BODY_MAX }),
    ));
  }
  await interaction.showModal(articleForm(tr, article));
}
