import { ComponentType } from 'discord.js';
import { discordIdentity } from '../actor';
import { ticketButtonId } from '../card';
import type { TicketComponentHandler } from './ticket-action';
import { offerChoiceFrom } from './offer-choice';

/** Escalate: choose a supporter of the next tier, or the least-loaded one (a select holds 25 options). */
export const action = 'escalate';

export const run: TicketComponentHandler = async (interaction, ticketNumber, ctx) => {
  await offerChoiceFrom(interaction, ctx, async (actor, tr) => {
    const { toTier: nextTier, candidates } = await ctx.helpdesk.staff.escalationChoice(actor, { ticketNumber });
    return {
      prompt: tr('card.choose.escalate', { number: ticketNumber, tier: nextTier }),
      select: {
        type: ComponentType.StringSelect,
        custom_id: ticketButtonId('escalate-to', ticketNumber),
        placeholder: tr('card.choose.who'),
        options: [
          { label: tr('card.choose.leastLoaded', { tier: nextTier }), value: 'least' },
          ...candidates.slice(0, 24).map((s) => ({
            label: tr('card.choose.candidate', {
              name: s.displayName || tr('common.role.supporter'),
              load: s.load,
            }).slice(0, 100),
            value: discordIdentity(s.identities)!,
          })),
        ],
      },
    };
  });
};
