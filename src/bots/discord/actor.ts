import type { GuildMember, Interaction, User } from 'discord.js';
import type { ActorRef } from '../../core/services/people';

/**
 * A Discord user as the core names people: their platform identity and the name the server shows;
 * for the one acting, their client's `locale` too (the interaction's), which the core remembers as
 * their language while they have chosen none.
 */
export function actorOf(
  user: Pick<User, 'id' | 'username' | 'globalName'>,
  member?: unknown,
  locale?: string,
): ActorRef {
  const nick =
    member && typeof member === 'object' && 'displayName' in member ? (member as GuildMember).displayName : null;
  return {
    platform: 'discord',
    userId: user.id,
    displayName: nick || user.globalName || user.username,
    ...(locale ? { locale } : {}),
  };
}

/** The person acting in an interaction, with their client's language. */
export function interactionActor(interaction: Pick<Interaction, 'user' | 'member' | 'locale'>): ActorRef {
  return actorOf(interaction.user, interaction.member, interaction.locale);
}

export const discordIdentity = (identities: Array<{ platform: string; userId: string }>): string | null =>
  identities.find((i) => i.platform === 'discord')?.userId ?? null;
