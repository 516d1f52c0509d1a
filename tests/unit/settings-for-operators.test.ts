import { loadSettings } from '../../src/config';
import { settingsProblems as problems } from '../helpers/settings';
import { redactUrl } from '../../src/db/data-source';
import { logFormatFor } from '../../src/log';

describe('a database URL in a log', () => {
  test.each([
    ['postgres://chatdesk:hunter2@db:5432/chatdesk', 'postgres://chatdesk:***@db:5432/chatdesk'],
    ['postgres://db/chatdesk?user=chatdesk&password=hunter2', 'postgres://db/chatdesk?user=chatdesk&password=***'],
    [
      'postgres://db/chatdesk?sslmode=verify-full&sslpassword=hunter2',
      'postgres://db/chatdesk?sslmode=verify-full&sslpassword=***',
    ],
    ['postgres://chatdesk@db/chatdesk', 'postgres://chatdesk@db/chatdesk'],
  ])('%s shows no password', (url, shown) => {
    expect(redactUrl(url)).toBe(shown);
    expect(redactUrl(url)).not.toContain('hunter2');
  });
});

describe('settings a new user gets wrong', () => {
  test.each([
    [{ DATABASE_URL: 'not-a-url' }, 'DATABASE_URL: not a PostgreSQL URL'],
    [{ DATABASE_URL: 'mysql://db/chatdesk' }, 'DATABASE_URL: not a PostgreSQL URL'],
    [{ DISCORD_TOKEN: 'x' }, 'DISCORD_GUILD_ID: required with DISCORD_TOKEN'],
    [{ LOG_FORMAT: 'xml' }, 'LOG_FORMAT: '],
  ])('%o is refused with one line naming the setting', (env, start) => {
    const found = problems(env);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(new RegExp(`^${start.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
    expect(found[0]).not.toContain('\n');
  });

  test('HOST defaults to every interface; a PostgreSQL URL and a Discord server id pass', () => {
    expect(loadSettings({}).HOST).toBe('0.0.0.0');
    expect(
      problems({
        DATABASE_URL: 'postgresql://u:p@db:5432/chatdesk',
        DISCORD_TOKEN: 'x',
        DISCORD_GUILD_ID: '100000000000000001',
      }),
    ).toEqual([]);
  });
});

describe('the log format', () => {
  test('readable on a terminal, JSON lines otherwise, LOG_FORMAT deciding when set', () => {
    expect(logFormatFor(undefined, { isTTY: true })).toBe('pretty');
    expect(logFormatFor(undefined, { isTTY: false })).toBe('json');
    expect(logFormatFor('json', { isTTY: true })).toBe('json');
    expect(logFormatFor('pretty', {})).toBe('pretty');
  });
});
