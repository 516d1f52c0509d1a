import { loadSettings, unknownSettingsIn } from '../../src/config';
import { settingsProblems as problems } from '../helpers/settings';

/**
 * A new team's first .env is half filled: a value mistyped, one setting of a pair, a name misspelt.
 * Each is answered with one line that names the setting and says what to write there, before
 * anything starts (a wrong schedule once stopped the start with a stack trace after the database
 * had been opened; Slack with its token alone once started quietly without its adapter).
 */

const DISCORD = { DISCORD_TOKEN: 'token', DISCORD_GUILD_ID: '100000000000000001' };

describe('a wrong value is one line naming the setting, in words a new user reads', () => {
  test.each([
    [{ PORT: 'abc' }, 'PORT: "abc" is not a number'],
    [{ PORT: '70000' }, 'PORT: "70000" is too large: it must be at most 65535'],
    [{ AUTO_CLOSE_DAYS: 'seven' }, 'AUTO_CLOSE_DAYS: "seven" is not a number'],
    [{ AUTO_CLOSE_DAYS: '0' }, 'AUTO_CLOSE_DAYS: "0" is too small: it must be more than 0'],
    [{ MAX_OPEN_TICKETS: '2.5' }, 'MAX_OPEN_TICKETS: "2.5" is not a whole number'],
    [{ LOG_LEVEL: 'verbose' }, 'LOG_LEVEL: "verbose" is not one of fatal, error, warn, info, debug, trace, silent'],
    [{ SLA_SWEEP_CRON: 'every minute' }, 'SLA_SWEEP_CRON: not a cron expression'],
    [{ AUTO_CLOSE_CRON: '61 * * * *' }, 'AUTO_CLOSE_CRON: not a cron expression'],
    [{ ...DISCORD, DISCORD_GUILD_ID: 'My server' }, "DISCORD_GUILD_ID: not a server's id"],
    [{ ...DISCORD, DISCORD_STAFF_CHANNEL_ID: '#staff' }, "DISCORD_STAFF_CHANNEL_ID: not a channel's id"],
    [
      { SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1', SLACK_SUPPORT_CHANNEL: '#support' },
      'SLACK_SUPPORT_CHANNEL: not a channel id',
    ],
  ])('%o', (env, start) => {
    const found = problems(env);
    expect(found).toEqual([expect.stringMatching(new RegExp(`^${start.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`))]);
    expect(found[0]).not.toMatch(/\n|NaN|Invalid input|expected number/);
  });

  test('a schedule the scheduler takes passes, with seconds or ranges', () => {
    expect(problems({ AUTO_CLOSE_CRON: '0 */2 * * 1-5', RETENTION_CRON: '30 0 * * * *' })).toEqual([]);
  });

  test('a setting left empty (PORT= in .env) is its default, not 0 or an error', () => {
    const settings = loadSettings({ PORT: '', AUTO_CLOSE_DAYS: ' ', SLA_SWEEP_CRON: '', DISCORD_GUILD_ID: '' });
    expect(settings.PORT).toBe(3000);
    expect(settings.AUTO_CLOSE_DAYS).toBe(7);
    expect(settings.SLA_SWEEP_CRON).toBe('* * * * *');
  });
});

describe('Slack is configured whole or refused, and the two tokens are not swapped', () => {
  test.each([
    [{ SLACK_BOT_TOKEN: 'xoxb-1' }, 'SLACK_SIGNING_SECRET: required with SLACK_BOT_TOKEN'],
    [{ SLACK_SIGNING_SECRET: 'secret' }, 'SLACK_BOT_TOKEN: required with SLACK_SIGNING_SECRET'],
    [{ SLACK_APP_TOKEN: 'xapp-1' }, 'SLACK_BOT_TOKEN: required with SLACK_APP_TOKEN'],
    [{ SLACK_BOT_TOKEN: 'xapp-1', SLACK_SIGNING_SECRET: 's' }, 'SLACK_BOT_TOKEN: this is an app-level token'],
    [{ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xoxb-2' }, 'SLACK_APP_TOKEN: this is the bot token'],
    [{ SLACK_BOT_TOKEN: 'token', SLACK_SIGNING_SECRET: 's' }, 'SLACK_BOT_TOKEN: a bot token starts with xoxb-'],
  ])('%o', (env, start) => {
    const found = problems(env);
    expect(found).toEqual([expect.stringMatching(new RegExp(`^${start}`))]);
    // The value of a credential is never repeated back.
    for (const value of Object.values(env)) expect(found[0]).not.toContain(`"${value}"`);
  });

  test('HTTP mode, Socket Mode and no Slack at all pass', () => {
    expect(problems({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 'secret' })).toEqual([]);
    expect(problems({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1-A1-1' })).toEqual([]);
    expect(problems({ SLACK_BOT_TOKEN: '', SLACK_SIGNING_SECRET: '' })).toEqual([]);
  });
});

describe('a name chatdesk does not read', () => {
  test('is named with the setting it probably meant: from .env, all of them; from the environment, ours', () => {
    const env = {
      DISCORD_GUILD: '1',
      SLACK_SUPPORT_CHANNEL_ID: 'C1',
      DB_POOL: '5',
      AUTO_CLOSE_DAY: '3',
      SLACK_WEBHOOK_FOR_SOMETHING_ELSE: 'x',
      HOME: '/root',
      TEST_DATABASE_URL: 'postgres://db/test',
      PORTT: '3001',
      DISCORD_TOKEN: 'known',
      MAJOR_TRIGRAM_AT: '0.4',
    };
    expect(unknownSettingsIn(env, ['PORTT', 'DISCORD_TOKEN'])).toEqual([
      { name: 'AUTO_CLOSE_DAY', meant: 'AUTO_CLOSE_DAYS' },
      { name: 'DB_POOL', meant: 'DB_POOL_SIZE' },
      { name: 'DISCORD_GUILD', meant: 'DISCORD_GUILD_ID' },
      { name: 'PORTT', meant: 'PORT' },
      { name: 'SLACK_SUPPORT_CHANNEL_ID', meant: 'SLACK_SUPPORT_CHANNEL' },
      { name: 'SLACK_WEBHOOK_FOR_SOMETHING_ELSE' },
    ]);
  });

  test('nothing is named when every name is known', () => {
    expect(unknownSettingsIn({ ...DISCORD, PATH: '/bin', DATABASE_URL: '' }, ['DISCORD_TOKEN', 'PORT'])).toEqual([]);
  });
});
