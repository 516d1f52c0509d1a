import { ApplicationCommandOptionType, REST, Routes, type RESTPutAPIApplicationCommandsJSONBody } from 'discord.js';
import { loadSettings } from '../../config';

/**
 * The slash commands this build answers, as the JSON for PUT applications/:id(/guilds/:gid)/commands.
 * Only commands with a handler are listed, so Discord never offers one that would go unanswered.
 */
export function commandDefinitions(): RESTPutAPIApplicationCommandsJSONBody {
  return [
    {
      name: 'ticket',
      description: 'Open a support ticket',
      dm_permission: false,
      options: [{ type: ApplicationCommandOptionType.User, name: 'person', description: 'Staff: open it on behalf of this person', required: false }],
    },
    {
      name: 'note',
      description: "Staff: add an internal note to this ticket (only staff see it)",
      dm_permission: false,
      options: [{ type: ApplicationCommandOptionType.String, name: 'text', description: 'The note', required: true, max_length: 4000 }],
    },
  ];
}

/** Registers the commands: in DISCORD_GUILD_ID when set (instant), else globally (may take an hour to show). */
export async function registerCommands(env: Record<string, string | undefined> = process.env): Promise<number> {
  const settings = loadSettings(env);
  if (!settings.DISCORD_TOKEN) throw new Error('DISCORD_TOKEN is not set');
  const rest = new REST(settings.DISCORD_API_URL ? { api: settings.DISCORD_API_URL } : {}).setToken(settings.DISCORD_TOKEN);
  const app = (await rest.get(Routes.currentApplication())) as { id: string };
  const route = settings.DISCORD_GUILD_ID ? Routes.applicationGuildCommands(app.id, settings.DISCORD_GUILD_ID) : Routes.applicationCommands(app.id);
  const registered = (await rest.put(route, { body: commandDefinitions() })) as unknown[];
  return registered.length;
}

if (require.main === module) {
  registerCommands()
    .then((count) => console.log(`Registered ${count} Discord commands.`))
    .catch((error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
