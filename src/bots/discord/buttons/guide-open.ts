import type { ButtonInteraction } from 'discord.js';
import { textsFor } from '../../../core/texts';
import { interactionActor } from '../actor';
import type { DiscordContext } from '../context';
import { settleDraft } from '../guide';
import { openedText, replyLocation } from '../modals/ticket-form';

/** "Open the ticket" (and a waiting form's "Open it as a ticket"): the ticket from the stored form; its thread comes through the queue. */
export const action = 'open';

export const run = (interaction: ButtonInteraction, [draftId]: string[], ctx: DiscordContext) =>
  settleDraft(interaction, ctx, async (language) => {
    // This message becomes the "your ticket is open" answer, so the thread's creator links it.
    const ticket = await ctx.helpdesk.guides.open(interactionActor(interaction), {
      draftId,
      location: replyLocation(interaction),
    });
    return openedText(ticket, textsFor(language));
  });
