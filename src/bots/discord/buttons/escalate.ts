import { ComponentType } from 'discord.js';
import { actorOf, discordIdentity } from '../actor';
import { ticketButtonId } from '../card';
import type { TicketComponentHandler } from './ticket-action';
import { offerChoice } from './offer-choice';

/** Escalate: choose a supporter of the next tier, or the least-loaded one (a select holds 25 options). */
export const action = 'escalate';

export const run: TicketComponentHandler = async (interaction, ticketNumber, ctx) => {
  const ticket = await ctx.helpdesk.queries
    .show(actorOf(interaction.user, interaction.member), { ticketNumber })
    .catch(() => null);
  const nextTier = ticket ? Math.min(3, ticket.ticket.tier + 1) : 2;
  await offerChoice(interaction, ctx, `Escalate #${ticketNumber} to tier ${nextTier}:`, (staff) => ({
    type: ComponentType.StringSelect,
    custom_id: ticketButtonId('escalate-to', ticketNumber),
    placeholder: 'Who takes it?',
    options: [
      { label: `The least-loaded tier-${nextTier} supporter`, value: 'least' },
      ...staff
        .filter((s) => s.tier === nextTier && !s.away && discordIdentity(s.identities))
        .slice(0, 24)
        .map((s) => ({
          label: `${s.displayName || 'supporter'} (${s.load} open)`.slice(0, 100),
          value: discordIdentity(s.identities)!,
        })),
    ],
  }));
};
