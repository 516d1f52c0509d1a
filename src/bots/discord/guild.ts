import { DiscordAPIError, Routes, type REST } from 'discord.js';
import type { DiscordContext } from './context';

/**
 * The helpdesk serves one Discord server (DISCORD_GUILD_ID). What comes from any other server is
 * not ours and is ignored; a DM (no server) is from someone we serve only if they are a member of
 * ours, which Discord's REST API answers (Unknown Member: not one).
 */
export async function isFromHelpdeskGuild(
  ctx: DiscordContext,
  rest: REST,
  where: { guildId: string | null; userId: string },
): Promise<boolean> {
  const ours = ctx.settings.DISCORD_GUILD_ID;
  if (!ours) return true;
  if (where.guildId) return where.guildId === ours;
  try {
    await rest.get(Routes.guildMember(ours, where.userId));
    return true;
  } catch (error) {
    if (error instanceof DiscordAPIError && (error.status === 404 || error.status === 403)) return false;
    throw error;
  }
}
