import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { startApp, type App } from '../app';
import { loadSettings } from '../config';
import { createLogger } from '../log';
import { FakeDiscord } from '../simulator/discord/fake-discord';
import { SlackRequestSigner } from '../simulator/slack/signer';
import { FakeSlackWebApi } from '../simulator/slack/web-api';
import { adminsSetting, castOn, type Cast } from './cast';
import { Narrator } from './narrator';
import { guidedTicketScene } from './scenes/guided-ticket';
import { outageScene } from './scenes/outage';
import { seedPrinterOnDiscord } from './scenes/seed-printer-discord';
import { seedEscalationOnSlack } from './scenes/seed-escalation-slack';
import { slaAndAutoCloseScene } from './scenes/sla-and-auto-close';
import { staffScene } from './scenes/staff';
import { ShiftedClock } from './shifted-clock';
import { DemoStopped, SLACK_SUPPORT_CHANNEL, Stage } from './stage';
import { Terminal, type Output } from './terminal';

export interface DemoOptions {
  /** No pauses between steps. */
  fast: boolean;
  output: Output;
  /** The HTTP port to try first (taken: any free one); 3000 by default, as `npm start`. */
  port?: number;
  /** Only these scenes, in the demo's order (tests of one scene); the staff scene comes first whenever others need it. */
  scenes?: SceneId[];
  /** Aborted (Ctrl-C) while playing: the play ends at the next step and runDemo resolves. */
  signal?: AbortSignal;
}

export interface RunningDemo {
  app: App;
  /** The temporary folder holding the embedded database and the app's log; removed by stop(). */
  folder: string;
  baseUrl: string;
  /** Set when a scene could not be played to its end (the app still runs to look around). */
  failure?: Error;
  stop(): Promise<void>;
}

export type SceneId = 'staff' | 'seed-discord' | 'seed-slack' | 'outage' | 'time' | 'guided';

interface Scene {
  id: SceneId;
  title: string;
  play(stage: Stage, cast: Cast): Promise<void>;
}

const SCENES: Scene[] = [
  { id: 'staff', title: 'The admins name the supporters', play: staffScene },
  { id: 'seed-discord', title: "Seed scenario 1 on Discord: a customer can't print", play: seedPrinterOnDiscord },
  { id: 'seed-slack', title: 'Seed scenario 2 on Slack: escalated from tier 1 to 2 to 3', play: seedEscalationOnSlack },
  { id: 'outage', title: 'An outage: five customers, two platforms', play: outageScene },
  {
    id: 'time',
    title: 'Time moves on: an SLA warning, reminders and the 7-day auto-close',
    play: slaAndAutoCloseScene,
  },
  { id: 'guided', title: 'A guided ticket: the catalog, an article, "This solved it"', play: guidedTicketScene },
];

/**
 * The whole demo: simulated Discord and Slack on loopback ports, the real app (as `npm start`
 * builds it, with its jobs and delivery queue) on a fresh embedded store in a temporary folder,
 * then the scenes. Resolves once they are played, with the app still running.
 */
export async function runDemo(options: DemoOptions): Promise<RunningDemo> {
  const term = new Terminal(options.output);
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'chatdesk-demo-'));
  const discord = await new FakeDiscord().start();
  const slack = await new FakeSlackWebApi().start();
  const clock = new ShiftedClock();
  const narrator = new Narrator(term, discord, slack, SLACK_SUPPORT_CHANNEL);
  const stage = new Stage(discord, slack, narrator, clock, options.fast, options.signal);
  const cast = castOn(stage);
  const signingSecret = randomBytes(16).toString('hex');
  const logFile = path.join(folder, 'chatdesk.log');
  const log = fs.createWriteStream(logFile);

  term.line(term.paint('chatdesk demo', 'bold'));
  term.line(
    `The real helpdesk, with simulated Discord and Slack on this machine (no account needed). Data: ${folder} (removed when the demo stops).`,
  );
  term.line('');

  let app: App;
  const stopFakes = async () => {
    await slack.socketMode.hangUp().catch(() => undefined);
    await discord.stop().catch(() => undefined);
    await slack.stop().catch(() => undefined);
  };
  try {
    const port = await portToUse(options.port ?? 3000);
    app = await startApp(
      loadSettings({
        DATA_DIR: path.join(folder, 'data'),
        PORT: String(port),
        HELPDESK_ADMINS: adminsSetting(cast),
        ...discord.settingsEnv,
        SLACK_BOT_TOKEN: 'xoxb-test',
        SLACK_SIGNING_SECRET: signingSecret,
        SLACK_SUPPORT_CHANNEL,
        SLACK_API_URL: slack.url,
      }),
      { logger: createLogger('info', log), clock, host: '127.0.0.1' },
    );
  } catch (error) {
    await stopFakes();
    log.end();
    fs.rmSync(folder, { recursive: true, force: true });
    throw error;
  }
  stage.app = app;
  const baseUrl = `http://127.0.0.1:${app.port}`;
  stage.signer = new SlackRequestSigner(`${baseUrl}/slack/events`, signingSecret);

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      narrator.stop();
      term.clearProgress();
      await app.stop();
      await stopFakes();
      log.end();
      fs.rmSync(folder, { recursive: true, force: true });
    })());

  let failure: Error | undefined;
  try {
    await stage.until('the Discord bot connected to the simulated gateway', () => app.discord(), 20_000);
    await app.discord()!.caughtUp();
    term.line(
      `The helpdesk is up at ${baseUrl}: the Discord bot is connected, Slack events go to ${baseUrl}/slack/events.`,
    );
    narrator.start();
    const scenes = SCENES.filter((s) => !options.scenes || s.id === 'staff' || options.scenes.includes(s.id));
    for (const [i, scene] of scenes.entries()) {
      term.line('');
      term.line(term.paint(`━━ ${i + 1}/${scenes.length} ${scene.title} ━━`, 'bold'));
      term.setProgress(i, scenes.length, scene.title);
      await scene.play(stage, cast);
      await stage.settle();
    }
    term.setProgress(scenes.length, scenes.length, 'all scenes played');
    term.clearProgress();
  } catch (error) {
    narrator.flush();
    term.clearProgress();
    if (error instanceof DemoStopped) return { app, folder, baseUrl, stop };
    failure = error instanceof Error ? error : new Error(String(error));
    term.line('');
    term.line(term.paint(`The demo stopped early: ${failure.message}`, 'red', 'bold'));
    term.line(`The app's log is in ${logFile}.`);
  }
  narrator.stop();
  printLookAround(term, baseUrl, await whatIsHeld(app), await signInLinks(app, cast));
  return { app, folder, baseUrl, failure, stop };
}

function printLookAround(
  term: Terminal,
  baseUrl: string,
  held: string | undefined,
  links: { staff: string; customer: string } | undefined,
): void {
  term.line('');
  if (held) term.line(held);
  term.line(term.paint('Look around (the helpdesk keeps running):', 'bold'));
  term.line(`  ${baseUrl}/healthz   which adapters are up, and the database`);
  term.line(`  ${baseUrl}/metrics   tickets, deliveries, SLA and deflection figures (Prometheus)`);
  if (links) {
    term.line(
      '  The web dashboard, signed in as `/helpdesk dashboard` signs people in (each link works once, for 10 minutes):',
    );
    term.line(`    Lise (tier-1 supporter): ${links.staff}`);
    term.line(`    Raul (customer):         ${links.customer}`);
  }
  term.line('Press Ctrl-C to stop; the temporary folder is removed.');
}

/** A sign-in link for a staff member (Lise) and one for a customer (Raul), made as `/helpdesk dashboard` makes them. */
async function signInLinks(app: App, cast: Cast): Promise<{ staff: string; customer: string } | undefined> {
  try {
    const [staff, customer] = await Promise.all([
      app.helpdesk.dashboard.signInLink({ platform: 'discord', userId: cast.discord.tier1.user.id }),
      app.helpdesk.dashboard.signInLink({ platform: 'discord', userId: cast.discord.raul.user.id }),
    ]);
    return { staff: staff.url, customer: customer.url };
  } catch {
    return undefined;
  }
}

/** What the helpdesk's database holds after the play, in one sentence. */
async function whatIsHeld(app: App): Promise<string | undefined> {
  try {
    const [row] = await app.database.dataSource.query(`
      SELECT (SELECT count(*) FROM ticket WHERE NOT is_major)::int AS tickets,
             (SELECT count(*) FROM ticket WHERE is_major)::int AS majors,
             (SELECT count(*) FROM comment)::int AS comments,
             (SELECT count(*) FROM rating)::int AS ratings,
             (SELECT count(*) FROM ticket_draft WHERE outcome = 'deflected')::int AS deflected,
             (SELECT count(*) FROM delivery WHERE status = 'sent')::int AS sent`);
    return (
      `The database now holds ${row.tickets} tickets and ${row.majors} major incident(s), ${row.comments} comments, ` +
      `${row.ratings} rating(s) and ${row.deflected} deflection(s); ${row.sent} messages went out through the delivery queue.`
    );
  } catch {
    return undefined;
  }
}

/** The port asked for when it is free on 127.0.0.1, else 0 (any free one): another helpdesk or an earlier demo may hold it. */
function portToUse(preferred: number): Promise<number> {
  if (preferred === 0) return Promise.resolve(0);
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(0));
    probe.listen(preferred, '127.0.0.1', () => probe.close(() => resolve(preferred)));
  });
}
