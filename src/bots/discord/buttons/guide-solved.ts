import type { ButtonInteraction } from 'discord.js';
import { guideMessagesIn } from '../../../core/rules/catalog';
import { interactionActor } from '../actor';
import type { DiscordContext } from '../context';
import { settleDraft } from '../guide';

/** "This solved it": no ticket; the core counts the deflection with the article. */
export const action = 'solved';

export const run = (interaction: ButtonInteraction, [draftId, articleId]: string[], ctx: DiscordContext) =>
  settleDraft(interaction, ctx, async (language) => {
    const article = await ctx.helpdesk.guides.deflect(interactionActor(interaction), {
      draftId,
      articleId,
    });
    return guideMessagesIn(language).deflected(article);
  });
