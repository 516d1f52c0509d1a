import type { Interaction } from 'discord.js';
import type { DiscordContext } from './context';

/**
 * Which interactions still await their first answer (a modal, a deferral, a reply), for the
 * shared AckFirst: a handler whose answer sets off slow work (storing a ticket) calls
 * `afterAnswering` once it has answered, so in a burst every deferral goes out before the work
 * the burst set off competes with them for the event loop.
 */
const unanswered = new WeakMap<Interaction, () => void>();

/** Counts an arriving interaction; the returned function marks it answered (safe to call twice). */
export function arriving(interaction: Interaction, ctx: Pick<DiscordContext, 'ackFirst'>): () => void {
  const answered = ctx.ackFirst.received();
  unanswered.set(interaction, answered);
  return answered;
}

/** This interaction is answered; resolves when the burst's others are too (at most about a second). */
export async function afterAnswering(interaction: Interaction, ctx: Pick<DiscordContext, 'ackFirst'>): Promise<void> {
  unanswered.get(interaction)?.();
  await ctx.ackFirst.answered();
}
