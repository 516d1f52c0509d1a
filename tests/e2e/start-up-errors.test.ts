import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { FakeDiscord } from '../../src/simulator/discord/fake-discord';
import { FakeSlackWebApi } from '../../src/simulator/slack/web-api';
import { eventually } from '../helpers/eventually';

/**
 * Each wrong setting, given to the real process (`node dist/src/main.js`, built once), as a new
 * user would start it: a refusal ends it with exit code 1 within 30 s and one line that names the
 * setting, with no stack; a platform that does not answer leaves its adapter down and everything
 * else running. The platforms are the local fakes of src/simulator; a refusal is what they answer
 * to a token they did not issue.
 */
const root = path.join(__dirname, '..', '..');
const main = path.join(root, 'dist', 'src', 'main.js');
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'chatdesk-start-up-'));
let discord: FakeDiscord;
let slack: FakeSlackWebApi;
const running = new Set<ReturnType<typeof spawn>>();

beforeAll(async () => {
  const build = spawnSync(process.execPath, [path.join(root, 'scripts', 'build-if-stale.js')], {
    stdio: 'inherit',
    timeout: 180_000,
  });
  expect(build.status).toBe(0);
  [discord, slack] = await Promise.all([new FakeDiscord().start(), new FakeSlackWebApi().start()]);
  slack.refusedTokens.add('xoxb-revoked').add('xapp-1-revoked');
}, 200_000);

afterAll(async () => {
  for (const child of running) child.kill('SIGKILL');
  await Promise.all([discord?.stop(), slack?.stop()]);
  fs.rmSync(scratch, { recursive: true, force: true });
});

/** A migrated embedded database folder of its own (copied: migrating a new one costs seconds). */
async function dataDir(): Promise<string> {
  const dir = fs.mkdtempSync(path.join(scratch, 'data-'));
  // Asynchronously: the fakes answering the other processes run on this thread.
  await fs.promises.cp(process.env.CHATDESK_PGLITE_TEMPLATE!, dir, { recursive: true });
  return dir;
}

/** A data folder that does not exist yet: a start refused early never makes it. */
function unmadeDataDir(): string {
  return path.join(scratch, `unmade-${Math.random().toString(36).slice(2)}`);
}

/** A port nothing listens on (taken, then let go). */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

interface Run {
  lines: string[];
  exit: Promise<{ code: number | null; ms: number }>;
  stop(): void;
}

/** Starts the helpdesk in a folder with no .env, with only these settings. */
function startProcess(env: Record<string, string>): Run {
  const started = Date.now();
  const child = spawn(process.execPath, [main], {
    cwd: scratch,
    env: { PATH: process.env.PATH ?? '', PORT: '0', HOST: '127.0.0.1', LOG_FORMAT: 'json', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  const lines: string[] = [];
  let partial = '';
  const collect = (chunk: Buffer) => {
    const text = partial + chunk.toString('utf8');
    const parts = text.split('\n');
    partial = parts.pop() ?? '';
    lines.push(...parts.filter((l) => l !== ''));
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const exit = new Promise<{ code: number | null; ms: number }>((resolve) =>
    child.once('close', (code) => {
      running.delete(child);
      if (partial) lines.push(partial);
      resolve({ code, ms: Date.now() - started });
    }),
  );
  return { lines, exit, stop: () => child.kill('SIGTERM') };
}

/** The message of a line (a JSON log line's msg, or the plain line). */
function messageOf(line: string): string {
  try {
    return String(JSON.parse(line).msg);
  } catch {
    return line;
  }
}

/**
 * Runs to its end: exit 1 within 30 s, and the one line naming `setting`, no stack anywhere. A
 * refusal found once running (the gateway's answer) says "stopping:" where one at start says
 * "could not start:".
 */
async function expectRefusal(
  env: Record<string, string>,
  setting: string,
  said: 'could not start' | 'stopping' = 'could not start',
): Promise<string> {
  const run = startProcess(env);
  const timeout = setTimeout(run.stop, 30_000);
  const { code, ms } = await run.exit;
  clearTimeout(timeout);
  expect({ code, withinLimit: ms < 30_000 }).toEqual({ code: 1, withinLimit: true });
  const naming = run.lines.map(messageOf).filter((m) => m.startsWith(`${said}: ${setting}: `));
  expect(naming).toHaveLength(1);
  expect(run.lines.join('\n')).not.toMatch(/^\s+at /m);
  expect(run.lines.join('\n')).not.toContain('"stack"');
  return naming[0];
}

/** The port the process said it listens on. */
async function portOf(run: Run): Promise<number> {
  const line = await eventually(
    () => run.lines.find((l) => messageOf(l).startsWith('HTTP server listening')),
    45_000,
    'the HTTP server listening',
  );
  return JSON.parse(line).port;
}

interface Health {
  status: string;
  database: string;
  adapters: { discord: string; slack: string };
}
const health = async (port: number) => {
  const res = await fetch(`http://127.0.0.1:${port}/healthz`);
  return { status: res.status, body: (await res.json()) as Health };
};

describe('settings the process refuses, each with one line naming it', () => {
  test.concurrent('DATABASE_URL that is not a URL', async () => {
    const line = await expectRefusal({ DATABASE_URL: 'not-a-url' }, 'DATABASE_URL');
    expect(line).toContain('postgres://user:password@host:5432/database');
  });

  test.concurrent('DATABASE_URL where nothing answers', async () => {
    const port = await closedPort();
    const line = await expectRefusal(
      { DATABASE_URL: `postgres://chatdesk:secret@127.0.0.1:${port}/chatdesk` },
      'DATABASE_URL',
    );
    expect(line).toContain(`127.0.0.1:${port}`);
    expect(line).not.toContain('secret');
  });

  test.concurrent('DATABASE_URL naming a database the server does not have', async () => {
    const server = await missingDatabaseServer();
    try {
      const line = await expectRefusal({ DATABASE_URL: server.url }, 'DATABASE_URL');
      expect(line).toContain('does not exist');
    } finally {
      await server.close();
    }
  });

  test.concurrent('DATA_DIR that cannot be written', async () => {
    const file = path.join(scratch, 'a-file');
    fs.writeFileSync(file, '');
    await expectRefusal({ DATA_DIR: path.join(file, 'data') }, 'DATA_DIR');
  });

  test.concurrent('PORT another program holds', async () => {
    const holder = net.createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = holder.address() as net.AddressInfo;
      const dir = unmadeDataDir();
      const line = await expectRefusal({ DATA_DIR: dir, PORT: String(port) }, 'PORT');
      expect(fs.existsSync(dir)).toBe(false); // refused before the database starts
      expect(line).toContain(String(port));
    } finally {
      holder.close();
    }
  });

  test.concurrent('DISCORD_TOKEN without DISCORD_GUILD_ID', async () => {
    await expectRefusal({ DATA_DIR: unmadeDataDir(), DISCORD_TOKEN: 'fake-token' }, 'DISCORD_GUILD_ID');
  });

  // Refused with the other settings, before the database opens: it once stopped the start with a stack after it.
  test.concurrent('a schedule that is not cron', async () => {
    const dir = unmadeDataDir();
    const line = await expectRefusal({ DATA_DIR: dir, SLA_SWEEP_CRON: 'every minute' }, 'SLA_SWEEP_CRON');
    expect(line).toContain('not a cron expression');
    expect(fs.existsSync(dir)).toBe(false);
  });

  // Half a Slack app once started without its adapter, saying so only at info level.
  test.concurrent('SLACK_BOT_TOKEN without SLACK_SIGNING_SECRET or SLACK_APP_TOKEN', async () => {
    const line = await expectRefusal(
      { DATA_DIR: unmadeDataDir(), SLACK_BOT_TOKEN: 'xoxb-half' },
      'SLACK_SIGNING_SECRET',
    );
    expect(line).not.toContain('xoxb-half');
  });

  // Refused before the database opens (its folder is never made): on every instance, whether or not it would hold the gateway.
  test.concurrent('DISCORD_TOKEN that Discord answers with 401', async () => {
    const dir = unmadeDataDir();
    const line = await expectRefusal(
      { DATA_DIR: dir, ...discord.settingsEnv, DISCORD_TOKEN: 'reset-long-ago' },
      'DISCORD_TOKEN',
    );
    expect(line).toContain('401');
    expect(line).not.toContain('reset-long-ago');
    expect(fs.existsSync(dir)).toBe(false);
  });

  // Discord closes the gateway with 4014 when the portal's Message Content switch is off: retrying cannot help.
  test.concurrent('a bot whose Message Content intent is off in the developer portal', async () => {
    const strict = await new FakeDiscord().start();
    strict.privilegedIntents = 0;
    try {
      const line = await expectRefusal(
        { DATA_DIR: unmadeDataDir(), ...strict.settingsEnv },
        'DISCORD_TOKEN',
        'stopping',
      );
      expect(line).toContain('Message Content Intent');
      expect(line).toContain('4014');
    } finally {
      await strict.stop();
    }
  });

  test.concurrent('SLACK_BOT_TOKEN that auth.test answers with invalid_auth', async () => {
    const line = await expectRefusal(
      {
        DATA_DIR: unmadeDataDir(),
        SLACK_API_URL: slack.url,
        SLACK_BOT_TOKEN: 'xoxb-revoked',
        SLACK_SIGNING_SECRET: 's',
      },
      'SLACK_BOT_TOKEN',
    );
    expect(line).toContain('invalid_auth');
  });

  test.concurrent('SLACK_APP_TOKEN that Slack refuses', async () => {
    const line = await expectRefusal(
      {
        DATA_DIR: unmadeDataDir(),
        SLACK_API_URL: slack.url,
        SLACK_BOT_TOKEN: 'xoxb-test',
        SLACK_APP_TOKEN: 'xapp-1-revoked',
      },
      'SLACK_APP_TOKEN',
    );
    expect(line).toContain('invalid_auth');
  });
});

describe('platforms that do not answer', () => {
  test.concurrent(
    'Discord unreachable at start is down and tried again until it answers; Slack runs meanwhile; missing channels are named once',
    async () => {
      const discordPort = await closedPort();
      const run = startProcess({
        DATA_DIR: await dataDir(),
        DISCORD_TOKEN: 'fake-token',
        DISCORD_GUILD_ID: '100000000000000001',
        DISCORD_API_URL: `http://127.0.0.1:${discordPort}`,
        SLACK_API_URL: slack.url,
        SLACK_BOT_TOKEN: 'xoxb-test',
        SLACK_SIGNING_SECRET: 'secret',
      });
      let late: FakeDiscord | undefined;
      try {
        const port = await portOf(run);
        expect(
          await eventually(
            async () => {
              const h = await health(port);
              return h.body.adapters.discord === 'down' ? h : undefined;
            },
            20_000,
            'discord down',
          ),
        ).toEqual({
          status: 200,
          body: { status: 'degraded', database: 'up', adapters: { discord: 'down', slack: 'connected' } },
        });

        // Discord comes back where it was expected: the next try finds it and connects.
        late = await new FakeDiscord().start(discordPort);
        await eventually(
          async () => (await health(port)).body.adapters.discord === 'connected',
          30_000,
          'discord connected',
        );
        expect((await health(port)).body.status).toBe('ok');

        const messages = run.lines.map(messageOf);
        for (const setting of ['DISCORD_SUPPORT_CHANNEL_ID', 'DISCORD_STAFF_CHANNEL_ID', 'SLACK_SUPPORT_CHANNEL'])
          expect(messages.filter((m) => m.startsWith(`${setting} is not set`))).toHaveLength(1);
        expect(messages.filter((m) => m.startsWith('discord: down'))).toHaveLength(1); // not once per try
        expect(run.lines.join('\n')).not.toContain('"stack"');
      } finally {
        run.stop();
        expect((await run.exit).code).toBe(0);
        await late?.stop();
      }
    },
    120_000, // waits on processes: generous for a loaded machine, seconds on a quiet one
  );

  test.concurrent(
    'Slack unreachable at start is down while Discord connects; the process keeps running',
    async () => {
      const run = startProcess({
        DATA_DIR: await dataDir(),
        ...discord.settingsEnv,
        SLACK_API_URL: `http://127.0.0.1:${await closedPort()}/api/`,
        SLACK_BOT_TOKEN: 'xoxb-test',
        SLACK_APP_TOKEN: 'xapp-1-A1-1-test',
        SLACK_SUPPORT_CHANNEL: 'CSUPPORT',
      });
      try {
        const port = await portOf(run);
        await eventually(
          async () => {
            const { body } = await health(port);
            return body.adapters.discord === 'connected' && body.adapters.slack === 'down';
          },
          30_000,
          'discord connected, slack down',
        );
        expect((await health(port)).status).toBe(200);
      } finally {
        run.stop();
        expect((await run.exit).code).toBe(0);
      }
    },
    120_000,
  );
});

/**
 * A PostgreSQL server that has no such database: the real one when TEST_DATABASE_URL names it,
 * else a listener answering the start-up message as PostgreSQL does (ErrorResponse, SQLSTATE 3D000).
 */
async function missingDatabaseServer(): Promise<{ url: string; close(): Promise<void> }> {
  const real = process.env.TEST_DATABASE_URL;
  if (real) {
    const url = new URL(real);
    url.pathname = `/chatdesk_missing_${process.pid}`;
    return { url: url.toString(), close: async () => undefined };
  }
  const server = net.createServer((socket) => {
    socket.once('data', () => {
      const fields = ['SFATAL', 'C3D000', 'Mdatabase "chatdesk" does not exist']
        .map((f) => Buffer.from(`${f}\0`))
        .concat(Buffer.from('\0'));
      const body = Buffer.concat(fields);
      const header = Buffer.alloc(5);
      header.write('E', 0);
      header.writeInt32BE(body.length + 4, 1);
      socket.end(Buffer.concat([header, body]));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `postgres://chatdesk@127.0.0.1:${port}/chatdesk`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
