import { MessageFlags, type ChatInputCommandInteraction } from 'discord.js';
import { actorOf } from '../../actor';
import { errorText } from '../../answer';
import type { DiscordContext } from '../../context';
import { articleForm, FORM_BODY_MAX } from '../../modals/kb-form';

/**
 * `/kb edit ID` (staff): the article form, filled in. An article longer than a Discord text input
 * holds is refused, never cut: saving a cut body would lose the rest.
 */
export const name = 'kb edit';

export async function run(interaction: ChatInputCommandInteraction, ctx: DiscordContext): Promise<void> {
  const id = interaction.options.getInteger('id', true);
  const refuse = (content: string) => interaction.reply({ content, flags: MessageFlags.Ephemeral });
  let article;
  try {
    const actor = actorOf(interaction.user, interaction.member);
    const role = await ctx.helpdesk.staff.roleOf(actor);
    if (role === 'customer')
      return void (await refuse("You can't do that: only staff can write knowledge-base articles."));
    article = await ctx.helpdesk.knowledge.read(actor, { id });
  } catch (error) {
    return void (await refuse(errorText(error, ctx)));
  }
  if (article.archivedAt) return void (await refuse(`Article ${id} is archived; it can't be edited.`));
  if (article.body.length > FORM_BODY_MAX) {
    return void (await refuse(
      `Article ${id} is ${article.body.length} characters; Discord's form holds ${FORM_BODY_MAX}, so it can't be edited here without losing the rest. Nothing was changed.`,
    ));
  }
  await interaction.showModal(articleForm(article));
}
