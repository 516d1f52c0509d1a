import type { ButtonInteraction } from 'discord.js';
import { interactionActor } from '../actor';
import type { DiscordContext } from '../context';
import { settleDraft, suggestions } from '../guide';

/** A waiting form's "Show it": the articles offered for it again, with its buttons. */
export const action = 'show';

export const run = (interaction: ButtonInteraction, [draftId]: string[], ctx: DiscordContext) =>
  settleDraft(interaction, ctx, async (language) =>
    suggestions(await ctx.helpdesk.guides.draft(interactionActor(interaction), { draftId }), language),
  );
