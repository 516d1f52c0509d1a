import { execFile } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * `npm run register-commands` as a new user runs it: from a folder with a `.env` (the settings
 * npm start reads), before the bot is in the server, or with nothing set. Each ends with one line
 * naming the setting and what to do, never a stack trace; a first run before the bot is in the
 * server still gives the invite link that fixes it.
 */
const root = path.join(__dirname, '..', '..');
const script = path.join(root, 'src', 'bots', 'discord', 'register-commands.ts');
const register = path.join(root, 'tests', 'delivery', 'child', 'swc-register.js');

/** Discord's REST as far as registering goes: the application, then the PUT of the guild's commands. */
function fakeDiscord(putStatus: number) {
  const puts: unknown[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      res.setHeader('content-type', 'application/json');
      if (req.method === 'GET' && req.url?.endsWith('/applications/@me')) return res.end('{"id":"300000000000000003"}');
      if (req.method === 'PUT' && /\/applications\/\d+\/guilds\/\d+\/commands$/.test(req.url ?? '')) {
        puts.push(JSON.parse(body));
        res.statusCode = putStatus;
        return res.end(putStatus === 200 ? body : '{"message":"Missing Access","code":50001}');
      }
      res.statusCode = 404;
      res.end('{"message":"404: Not Found","code":0}');
    });
  });
  return {
    puts,
    start: () =>
      new Promise<string>((resolve) =>
        server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`)),
      ),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Runs the script in a fresh folder holding `dotEnv` as its .env, with none of the settings in the environment. */
function run(dotEnv: string | undefined): Promise<{ code: number; stdout: string; stderr: string }> {
  const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'chatdesk-register-'));
  if (dotEnv !== undefined) fs.writeFileSync(path.join(cwd, '.env'), dotEnv);
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(DISCORD|SLACK)_/.test(name) && name !== 'DATABASE_URL'),
  );
  return new Promise((resolve) => {
    execFile(process.execPath, ['-r', register, script], { cwd, env, timeout: 60_000 }, (error, stdout, stderr) => {
      fs.rmSync(cwd, { recursive: true, force: true });
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

const GUILD = '100000000000000001';

test('with nothing set it says which setting to fill in, in one line', async () => {
  const { code, stdout, stderr } = await run(undefined);
  expect(code).toBe(1);
  expect(stdout).toBe('');
  expect(stderr.trim().split('\n')).toEqual([
    expect.stringMatching(/^could not register the commands: DISCORD_TOKEN: not set: put the bot token/),
  ]);
}, 90_000);

test('a wrong setting in .env is named as npm start names it', async () => {
  const { code, stderr } = await run('DISCORD_TOKEN=token\nDISCORD_GUILD_ID=My server\n');
  expect(code).toBe(1);
  expect(stderr.trim().split('\n')).toEqual([
    expect.stringMatching(/^could not register the commands: DISCORD_GUILD_ID: not a server's id/),
  ]);
}, 90_000);

describe('against Discord', () => {
  test('reads the token and server from .env, registers, and prints the invite link', async () => {
    const discord = fakeDiscord(200);
    const url = await discord.start();
    try {
      const { code, stdout, stderr } = await run(
        `DISCORD_TOKEN=token\nDISCORD_GUILD_ID=${GUILD}\nDISCORD_API_URL=${url}\n`,
      );
      expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
      expect(stdout).toMatch(/^Registered 7 Discord commands\./);
      expect(stdout).toContain('https://discord.com/oauth2/authorize?client_id=300000000000000003');
      expect(discord.puts).toHaveLength(1);
    } finally {
      await discord.stop();
    }
  }, 90_000);

  test('before the bot is in the server: one line with the invite link to add it, then run again', async () => {
    const discord = fakeDiscord(403);
    const url = await discord.start();
    try {
      const { code, stderr } = await run(`DISCORD_TOKEN=token\nDISCORD_GUILD_ID=${GUILD}\nDISCORD_API_URL=${url}\n`);
      expect(code).toBe(1);
      const lines = stderr.trim().split('\n');
      expect(lines).toEqual([
        expect.stringMatching(
          new RegExp(
            `^could not register the commands: DISCORD_GUILD_ID: the bot is not in the server ${GUILD} yet .*https://discord\\.com/oauth2/authorize\\?client_id=300000000000000003.* run npm run register-commands again`,
          ),
        ),
      ]);
    } finally {
      await discord.stop();
    }
  }, 90_000);
});
