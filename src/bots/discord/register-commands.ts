import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ChannelType,
  REST,
  Routes,
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandSubcommandOption,
  type RESTPutAPIApplicationCommandsJSONBody,
} from 'discord.js';
import { loadSettings, SettingsError } from '../../config';
import { loadEnvFile } from '../../config-file';
import { StartupError } from '../../startup-error';
import { LANGUAGES, t } from '../../core/texts';
import { localizations, localizeCommands } from './command-localizations';
import { discordConnectionError } from './connection';
import { name as ticketFromMessageName } from './commands/ticket-from-message';
import { BOT_PERMISSIONS, inviteUrl } from './permissions';

/**
 * The slash commands this build answers, as the JSON for PUT applications/:id(/guilds/:gid)/commands.
 * Only commands with a handler are listed, so Discord never offers one that would go unanswered.
 * The descriptions written here are replaced by the catalog's (`commands.<path>`), with their Danish
 * and any other language's as localizations: a test holds that every one has its text there.
 */
export function commandDefinitions(): RESTPutAPIApplicationCommandsJSONBody {
  return localizeCommands([
    {
      name: 'ticket',
      description: 'Open a support ticket',
      dm_permission: false,
      options: [
        {
          type: ApplicationCommandOptionType.User,
          name: 'person',
          description: 'Staff: open it on behalf of this person',
          required: false,
        },
      ],
    },
    {
      name: 'note',
      description: 'Staff: add an internal note to this ticket (only staff see it)',
      dm_permission: false,
      options: [
        {
          type: ApplicationCommandOptionType.String,
          name: 'text',
          description: 'The note',
          required: true,
          max_length: 4000,
        },
      ],
    },
    {
      name: 'reply',
      description: "Staff: send a saved reply in this ticket's thread (previewed first)",
      dm_permission: false,
      options: [replyName],
    },
    {
      name: 'tickets',
      description: 'Tickets you may see; staff: act on them by number',
      dm_permission: false,
      options: [
        sub('list', 'Your tickets (staff: yours, then the queue)', [
          {
            type: STRING,
            name: 'scope',
            description: 'Staff: which tickets',
            required: false,
            choices: choices('mine', 'queue', 'all'),
          },
        ]),
        sub('show', 'One ticket', [ticketNumber]),
        sub('search', 'Search the tickets you may see', [
          { type: STRING, name: 'words', description: 'What to look for', required: true, max_length: 200 },
        ]),
        sub('transcript', 'The whole ticket as a file', [ticketNumber]),
        sub('assign', 'Staff: assign a ticket to someone', [ticketNumber, person('Who takes it', true)]),
        sub('escalate', 'Staff: escalate a ticket to the next tier', [
          ticketNumber,
          person('Who takes it (default: the least loaded)', false),
        ]),
        sub('priority', "Staff: change a ticket's priority", [
          ticketNumber,
          {
            type: STRING,
            name: 'priority',
            description: 'P1 critical … P4 low',
            required: true,
            choices: choices('P1', 'P2', 'P3', 'P4'),
          },
        ]),
        sub('link', 'Staff: make a ticket part of a major incident', [
          ticketNumber,
          {
            type: ApplicationCommandOptionType.Integer,
            name: 'parent',
            description: "The major incident's ticket number",
            required: true,
            min_value: 1,
          },
        ]),
        sub('unlink', 'Staff: take a ticket out of its major incident', [ticketNumber]),
      ],
    },
    {
      name: 'kb',
      description: 'The knowledge base',
      dm_permission: false,
      options: [
        sub('search', 'Search the knowledge base', [
          { type: STRING, name: 'words', description: 'What to look for', required: true, max_length: 200 },
        ]),
        sub('read', 'Read an article', [articleId]),
        sub('new', 'Staff: write an article'),
        sub('edit', 'Staff: edit an article', [articleId]),
      ],
    },
    {
      name: 'helpdesk',
      description: 'Staff, availability, linking accounts, setup, SLA, service catalog, figures, privacy, help',
      dm_permission: false,
      options: [
        {
          type: ApplicationCommandOptionType.SubcommandGroup,
          name: 'staff',
          description: 'Admins: who is staff',
          options: [
            sub('add', 'Admins: make someone a supporter of a tier, or an admin', [
              person('Who', true),
              {
                type: STRING,
                name: 'role',
                description: 'Tier 1, 2, 3 or admin',
                required: true,
                choices: choices('1', '2', '3', 'admin'),
              },
            ]),
            sub('remove', 'Admins: someone is no longer staff', [person('Who', true)]),
          ],
        },
        sub('away', 'Staff: stop or resume taking new tickets', [
          {
            type: STRING,
            name: 'state',
            description: 'on: away; off: back',
            required: true,
            choices: choices('on', 'off'),
          },
          person('Admins: someone else', false),
        ]),
        sub('link', 'Staff: join your Discord and Slack identities', [
          {
            type: STRING,
            name: 'code',
            description: 'The code /helpdesk link gave you on Slack',
            required: false,
            max_length: 12,
          },
        ]),
        sub('mark', 'Admins: make an article the SLA or the service catalog', [
          {
            type: STRING,
            name: 'kind',
            description: 'Which special article',
            required: true,
            choices: choices('sla', 'catalog'),
          },
          articleId,
        ]),
        sub('setup', 'Admins: the support channel, where ticket threads are made', [
          {
            type: ApplicationCommandOptionType.Channel,
            name: 'channel',
            description: 'The support channel (default: this one)',
            required: false,
            channel_types: [ChannelType.GuildText],
          },
        ]),
        {
          type: ApplicationCommandOptionType.SubcommandGroup,
          name: 'sla',
          description: 'Admins: the SLA policy',
          options: [
            sub('show', 'Admins: the targets and business hours'),
            sub('set', "Admins: a priority's first-response and resolution targets", [
              {
                type: STRING,
                name: 'priority',
                description: 'Which priority',
                required: true,
                choices: choices('P1', 'P2', 'P3', 'P4'),
              },
              {
                type: STRING,
                name: 'first_response',
                description: 'e.g. 1h, 90m, 1d (default: unchanged)',
                required: false,
                max_length: 20,
              },
              {
                type: STRING,
                name: 'resolution',
                description: 'e.g. 4h, 3d, 1d 4h (default: unchanged)',
                required: false,
                max_length: 20,
              },
            ]),
            sub('hours', 'Admins: business hours, or off for around the clock', [
              {
                type: STRING,
                name: 'hours',
                description: 'e.g. Mon-Fri 08:00-16:00 Europe/Copenhagen, or off',
                required: true,
                max_length: 300,
              },
            ]),
            sub('holiday', 'Admins: a day the clock stands still', [
              {
                type: STRING,
                name: 'action',
                description: 'Add or remove the day',
                required: true,
                choices: choices('add', 'remove'),
              },
              { type: STRING, name: 'date', description: 'YYYY-MM-DD', required: true, min_length: 10, max_length: 10 },
            ]),
          ],
        },
        {
          type: ApplicationCommandOptionType.SubcommandGroup,
          name: 'catalog',
          description: 'Admins: the service catalog and its creation guides',
          options: [
            sub('list', 'The services, with their ids'),
            sub('add', 'Admins: add a service (a form)'),
            sub('edit', 'Admins: change a service (a form)', [serviceId]),
            sub('remove', 'Admins: take a service out of the catalog (its tickets keep it)', [serviceId]),
          ],
        },
        {
          type: ApplicationCommandOptionType.SubcommandGroup,
          name: 'replies',
          description: 'Admins: saved replies staff send with /reply',
          options: [
            sub('list', 'The saved replies, with how often each was sent'),
            sub('add', 'Admins: add a saved reply (a form)'),
            sub('edit', 'Admins: change a saved reply (a form)', [replyName]),
            sub('remove', 'Admins: remove a saved reply', [replyName]),
          ],
        },
        sub('stats', 'Admins: opened, resolved, response times, SLA met, ratings', [
          {
            type: STRING,
            name: 'period',
            description: 'The last 7 or 30 days (default 7d)',
            required: false,
            choices: choices('7d', '30d'),
          },
        ]),
        sub('redact', "Admins: replace a comment's or a ticket's text (a pasted password) and take it off Discord", [
          {
            type: STRING,
            name: 'message',
            description: 'A comment: its message link ("Copy Message Link"), its id, or a comment id',
            required: false,
            max_length: 300,
          },
          { type: INTEGER, name: 'ticket', description: 'Or a ticket, by number', required: false, min_value: 1 },
          {
            type: STRING,
            name: 'part',
            description: "With ticket: its title, its description, or its rating's comment",
            required: false,
            choices: choices('title', 'description', 'rating'),
          },
          {
            type: STRING,
            name: 'replacement',
            description: 'What it says instead (default: a note that an admin redacted it)',
            required: false,
            max_length: 200,
          },
        ]),
        sub('forget', "Admins: erase a person's data (asks first)", [
          person('Who', false),
          {
            type: STRING,
            name: 'id',
            description: 'Or their id, for someone no longer here: 123… or slack:U…',
            required: false,
            max_length: 80,
          },
        ]),
        sub('export', 'Admins: everything kept about a person, as a file', [
          person('Who', false),
          {
            type: STRING,
            name: 'id',
            description: 'Or their id, for someone no longer here: 123… or slack:U…',
            required: false,
            max_length: 80,
          },
        ]),
        sub('dashboard', 'A sign-in link for the web dashboard, for you only'),
        sub('help', 'What you can run'),
        sub('language', 'The language the helpdesk speaks to you', [
          {
            type: STRING,
            name: 'language',
            description: 'Which language',
            required: true,
            // Each language by its own name, so a reader finds theirs whatever the client shows.
            choices: LANGUAGES.map((code) => ({ name: t(code, 'language.name'), value: code })),
          },
        ]),
      ],
    },
    // A message command: in a message's Apps menu, no description or options (Discord shows its name).
    {
      name: ticketFromMessageName,
      name_localizations: localizations('commands.ticketFromMessage'),
      type: ApplicationCommandType.Message,
      dm_permission: false,
    },
  ]);
}

const STRING = ApplicationCommandOptionType.String;
const INTEGER = ApplicationCommandOptionType.Integer;
const choices = (...values: string[]) => values.map((value) => ({ name: value, value }));
const sub = (
  name: string,
  description: string,
  options: APIApplicationCommandBasicOption[] = [],
): APIApplicationCommandSubcommandOption => ({
  type: ApplicationCommandOptionType.Subcommand,
  name,
  description,
  options,
});
const person = (description: string, required: boolean): APIApplicationCommandBasicOption => ({
  type: ApplicationCommandOptionType.User,
  name: 'person',
  description,
  required,
});
const ticketNumber: APIApplicationCommandBasicOption = {
  type: ApplicationCommandOptionType.Integer,
  name: 'number',
  description: 'The ticket number',
  required: true,
  min_value: 1,
};
const articleId: APIApplicationCommandBasicOption = {
  type: ApplicationCommandOptionType.Integer,
  name: 'id',
  description: 'The article id',
  required: true,
  min_value: 1,
};

const serviceId: APIApplicationCommandBasicOption = {
  type: ApplicationCommandOptionType.Integer,
  name: 'id',
  description: 'The service id (/helpdesk catalog list)',
  required: true,
  min_value: 1,
};

/** A saved reply, offered by name as it is typed. */
const replyName: APIApplicationCommandBasicOption = {
  type: ApplicationCommandOptionType.String,
  name: 'name',
  description: 'Which saved reply',
  required: true,
  max_length: 40,
  autocomplete: true,
};

/** Registers the commands in DISCORD_GUILD_ID (they show at once); says how many, and the bot's invite link. */
export async function registerCommands(
  env: Record<string, string | undefined> = process.env,
): Promise<{ count: number; inviteUrl: string }> {
  const settings = loadSettings(env);
  if (!settings.DISCORD_TOKEN)
    throw new StartupError(
      'DISCORD_TOKEN',
      'not set: put the bot token (discord.com/developers/applications → Bot → Reset Token) in DISCORD_TOKEN, in .env or the environment',
    );
  const rest = new REST(settings.DISCORD_API_URL ? { api: settings.DISCORD_API_URL } : {}).setToken(
    settings.DISCORD_TOKEN,
  );
  const app = (await rest.get(Routes.currentApplication())) as { id: string };
  const route = settings.DISCORD_GUILD_ID
    ? Routes.applicationGuildCommands(app.id, settings.DISCORD_GUILD_ID)
    : Routes.applicationCommands(app.id);
  const invite = inviteUrl(app.id, settings.DISCORD_GUILD_ID);
  try {
    const registered = (await rest.put(route, { body: commandDefinitions() })) as unknown[];
    return { count: registered.length, inviteUrl: invite };
  } catch (error) {
    // A first run comes before the bot is in the server: Discord answers 403 Missing Access, and the link is the fix.
    if ((error as { status?: number }).status === 403)
      throw new StartupError(
        'DISCORD_GUILD_ID',
        `the bot is not in the server ${settings.DISCORD_GUILD_ID} yet (Discord answered Missing Access): add it with ${invite} and run npm run register-commands again (or correct DISCORD_GUILD_ID)`,
      );
    throw error;
  }
}

if (require.main === module) {
  // The same settings as npm start: the environment, then .env.
  loadEnvFile();
  registerCommands()
    .then(({ count, inviteUrl }) => {
      console.log(`Registered ${count} Discord commands.`);
      console.log(`Invite the bot with its permissions (${BOT_PERMISSIONS.map((p) => p.name).join(', ')}):`);
      console.log(inviteUrl);
    })
    .catch((error: unknown) => {
      // A wrong or missing setting, or a refused token, is named as the setting to fix, one line each, as at start-up.
      const meaning =
        error instanceof SettingsError || error instanceof StartupError ? error : discordConnectionError(error);
      const lines =
        meaning instanceof SettingsError
          ? meaning.problems
          : [meaning instanceof Error ? meaning.message : String(meaning)];
      for (const line of lines) console.error(`could not register the commands: ${line}`);
      process.exit(1);
    });
}
