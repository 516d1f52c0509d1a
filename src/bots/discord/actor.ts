import type { GuildMember, User } from 'discord.js';
import type { ActorRef } from '../../core/services/people';

/** A Discord user as the core names people: their platform identity and the name the server shows. */
export function actorOf(user: Pick<User, 'id' | 'username' | 'globalName'>, member?: unknown): ActorRef {
  const nick =
    member && typeof member === 'object' && 'displayName' in member ? (member as GuildMember).displayName : null;
  return { platform: 'discord', userId: user.id, displayName: nick || user.globalName || user.username };
}

export const discordIdentity = (identities: Array<{ platform: string; userId: string }>): string | null =>
  identities.find((i) => i.platform === 'discord')?.userId ?? null;
