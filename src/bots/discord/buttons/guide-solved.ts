import type { ButtonInteraction } from 'discord.js';
import { guideMessages } from '../../../core/rules/catalog';
import { actorOf } from '../actor';
import type { DiscordContext } from '../context';
import { settleDraft } from '../guide';

/** "This solved it": no ticket; the core counts the deflection with the article. */
export const action = 'solved';

export const run = (interaction: ButtonInteraction, [draftId, articleId]: string[], ctx: DiscordContext) =>
  settleDraft(interaction, ctx, async () => {
    const article = await ctx.helpdesk.guides.deflect(actorOf(interaction.user, interaction.member), {
      draftId,
      articleId,
    });
    return guideMessages.deflected(article);
  });
