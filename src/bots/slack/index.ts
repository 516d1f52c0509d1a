import { App, LogLevel, SocketModeReceiver, webApi, type Receiver } from '@slack/bolt';
import type { Logger as SlackLogger } from '@slack/logger';
import type { Settings } from '../../config';
import type { Helpdesk } from '../../core/helpdesk';
import type { Sender } from '../../delivery/sender';
import type { HttpServer } from '../../http/server';
import type { Logger } from '../../log';
import { registerClaimAction } from './actions/claim';
import { registerDmRouteActions } from './actions/dm-route';
import { registerHomeOpenAction } from './actions/home-open';
import { registerHomeDashboardAction } from './actions/home-dashboard';
import { registerLinkAnswerActions } from './actions/link-answer';
import { registerEscalateAction } from './actions/escalate';
import { registerGuideOpenAction } from './actions/guide-open';
import { registerGuidePickAction } from './actions/guide-pick';
import { registerGuideShowAction } from './actions/guide-show';
import { registerGuideSolvedAction } from './actions/guide-solved';
import { registerPendingAction } from './actions/pending';
import { registerMajorDeclareAction } from './actions/major-declare';
import { registerMajorDismissAction } from './actions/major-dismiss';
import { registerMajorNotRelatedAction } from './actions/major-not-related';
import { registerForgetActions } from './actions/forget';
import { registerPriorityAction } from './actions/priority';
import { registerRateAction } from './actions/rate';
import { registerRatingCommentAction } from './actions/rating-comment';
import { registerReactionTicketCancel } from './actions/reaction-ticket-cancel';
import { registerReactionTicketOpen } from './actions/reaction-ticket-open';
import { registerReassignAction } from './actions/reassign';
import { registerReopenAction } from './actions/reopen';
import { registerResolveAction } from './actions/resolve';
import { registerSolvedAction } from './actions/solved';
import { registerTypeAction } from './actions/type';
import { AckFirst } from '../ack-first';
import { AdapterHealth, supervise, type Supervised } from '../adapter-state';
import { StartupError } from '../../startup-error';
import { checkBotToken, reachabilityFromSends, socketModeError } from './connection';
import { SlackCatchUp } from './catch-up';
import { registerHelpdeskCommand } from './commands/helpdesk';
import { registerKbCommand } from './commands/kb';
import { registerTicketCommand } from './commands/ticket';
import { registerTicketsCommand } from './commands/tickets';
import type { SlackContext } from './context';
import { registerAppHomeOpened } from './events/app-home-opened';
import { registerMessageEvents } from './events/message';
import { registerReactionAdded } from './events/reaction-added';
import { HomeRefresher } from './home-refresher';
import { ListenerTable } from './listener-table';
import { SlackEventsReceiver } from './receiver';
import { SlackSender } from './sender';
import { SlackTimeZones } from './time-zones';
import { registerAddNoteShortcut } from './shortcuts/add-note';
import { registerTicketFromMessageShortcut } from './shortcuts/ticket-from-message';
import { registerCatalogForm } from './views/catalog-form';
import { registerEscalateForm } from './views/escalate-form';
import { registerSavedReplyForm } from './views/saved-reply-form';
import { registerSavedReplySend } from './views/saved-reply-pick';
import { registerSavedReplyAction } from './actions/saved-reply';
import { registerSavedReplyChooseAction } from './actions/saved-reply-choose';
import { registerGuidedTicketForm } from './views/guided-ticket-form';
import { registerInternalNoteForm } from './views/internal-note';
import { registerKbForm } from './views/kb-form';
import { registerRatingCommentForm } from './views/rating-comment';
import { registerTicketForm } from './views/ticket-form';

export interface SlackAdapter {
  sender: Sender;
  status: AdapterHealth;
  /** Resolves when every Slack request received so far has been fully handled (HTTP mode), and App Homes asked for are published (tests wait on it). */
  settled(): Promise<void>;
  /** Resolves when the background catch-up of replies missed while down has ended, with how many it stored. */
  caughtUp(): Promise<number>;
  stop(): Promise<void>;
}

export interface SlackAdapterOptions {
  settings: Settings;
  helpdesk: Helpdesk;
  http: HttpServer;
  logger: Logger;
  /** Where the adapter's state is kept for /healthz (one is made when absent). */
  status?: AdapterHealth;
  /** A token Slack refuses after the first attempt (it was unreachable then): the process should stop. */
  onRefused?: (error: StartupError) => void;
  /** Least time between two catch-up calls to Slack (default: Tier 3's pace). */
  catchUpPaceMs?: number;
  /** The answers-first gate's timing (tests that send one request at a time need no quiet spell). */
  answersFirst?: ConstructorParameters<typeof AckFirst>[0];
}

/** Every listener of the adapter, registered in one place: the app uses it, and the manifest test reads what it registers. */
export function registerSlackListeners(listeners: App, ctx: SlackContext): void {
  registerTicketCommand(listeners, ctx);
  registerTicketsCommand(listeners, ctx);
  registerHelpdeskCommand(listeners, ctx);
  registerKbCommand(listeners, ctx);
  registerTicketForm(listeners, ctx);
  registerGuidedTicketForm(listeners, ctx);
  registerCatalogForm(listeners, ctx);
  registerKbForm(listeners, ctx);
  registerInternalNoteForm(listeners, ctx);
  registerEscalateForm(listeners, ctx);
  registerSavedReplyForm(listeners, ctx);
  registerSavedReplySend(listeners, ctx);
  registerRatingCommentForm(listeners, ctx);
  registerAddNoteShortcut(listeners, ctx);
  registerTicketFromMessageShortcut(listeners, ctx);
  registerMessageEvents(listeners, ctx);
  registerAppHomeOpened(listeners, ctx);
  registerHomeOpenAction(listeners, ctx);
  registerHomeDashboardAction(listeners, ctx);
  registerDmRouteActions(listeners, ctx);
  registerLinkAnswerActions(listeners, ctx);
  for (const register of [
    registerClaimAction,
    registerPendingAction,
    registerResolveAction,
    registerEscalateAction,
    registerReassignAction,
    registerTypeAction,
    registerPriorityAction,
    registerSolvedAction,
    registerReopenAction,
    registerRateAction,
    registerRatingCommentAction,
    registerMajorDeclareAction,
    registerMajorNotRelatedAction,
    registerMajorDismissAction,
    registerForgetActions,
    registerGuidePickAction,
    registerGuideSolvedAction,
    registerGuideOpenAction,
    registerGuideShowAction,
    registerReactionAdded,
    registerReactionTicketOpen,
    registerReactionTicketCancel,
    registerSavedReplyAction,
    registerSavedReplyChooseAction,
  ]) {
    register(listeners, ctx);
  }
}

/** What the adapter listens for (commands, actions, views, shortcuts, events), read from registerSlackListeners. */
export function slackListenerIds(): ReturnType<ListenerTable['entries']> {
  const table = new ListenerTable();
  registerSlackListeners(table.registrar({} as App), {} as SlackContext);
  return table.entries();
}

/**
 * Starts the Slack app: HTTP mode mounts `POST /slack/events` on the given server (call before it
 * listens); with SLACK_APP_TOKEN it uses Socket Mode instead. The bot token is checked with
 * `auth.test` first: a refused one (or a refused app token) rejects with a StartupError; a Slack
 * that cannot be reached leaves the adapter `down` and is tried again with back-off, while this
 * resolves (nothing else waits for Slack). Once connected, replies missed while down are fetched
 * in the background: start-up does not wait for them.
 */
export async function startSlackAdapter({
  settings,
  helpdesk,
  http,
  logger,
  status = new AdapterHealth('slack', logger),
  onRefused = () => undefined,
  catchUpPaceMs,
  answersFirst,
}: SlackAdapterOptions): Promise<SlackAdapter> {
  const botToken = settings.SLACK_BOT_TOKEN;
  if (!botToken) throw new Error('SLACK_BOT_TOKEN is not set');
  const slackLogger = boltLogger(logger.child({ adapter: 'slack' }));
  const clientOptions = {
    ...(settings.SLACK_API_URL
      ? { slackApiUrl: settings.SLACK_API_URL.endsWith('/') ? settings.SLACK_API_URL : `${settings.SLACK_API_URL}/` }
      : {}),
    // The dispatcher owns retries: one attempt per send, and a 429 is handed back, not waited out.
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
  };
  const mode = settings.SLACK_APP_TOKEN ? 'socket' : 'http';

  const ackFirst = new AckFirst(answersFirst);
  let receiver: Receiver;
  let httpReceiver: SlackEventsReceiver | undefined;
  let socketReceiver: SocketModeReceiver | undefined;
  if (settings.SLACK_APP_TOKEN) {
    // The Socket Mode client's own WebClient (for `apps.connections.open`) takes its options from
    // `installerOptions.clientOptions`; a top-level `clientOptions` is silently ignored. Reconnecting
    // is ours (see below): the client's own would end the process on a network error.
    receiver = socketReceiver = new SocketModeReceiver({
      appToken: settings.SLACK_APP_TOKEN,
      logger: slackLogger,
      autoReconnectEnabled: false,
      ...(settings.SLACK_API_URL
        ? { installerOptions: { clientOptions: { slackApiUrl: clientOptions.slackApiUrl } } }
        : {}),
    });
  } else {
    if (!settings.SLACK_SIGNING_SECRET)
      throw new Error('set SLACK_SIGNING_SECRET (HTTP events) or SLACK_APP_TOKEN (Socket Mode)');
    // Mounted now, before the server listens; until Slack is reached it answers 503, which Slack retries.
    receiver = httpReceiver = new SlackEventsReceiver({
      http,
      signingSecret: settings.SLACK_SIGNING_SECRET,
      logger,
      ackFirst,
      firstSight: (key) => helpdesk.replays.firstSight(key),
    });
  }

  // Our own client for the sender, App Home and catch-up: usable before Slack first answers.
  const client = new webApi.WebClient(botToken, { ...clientOptions, logger: slackLogger });
  const ctx: SlackContext = { helpdesk, settings, logger, ackFirst, timeZones: new SlackTimeZones(client) };
  const catchUp = new SlackCatchUp(client, ctx, catchUpPaceMs);
  ctx.storeLive = (message) => catchUp.storeLive(message);
  const homes = new HomeRefresher(client, ctx);
  let app: App | undefined;
  let stopping = false;
  let reconnecting: Supervised | undefined;

  const refused = (error: unknown) => error instanceof StartupError;
  const connect = async () => {
    const identity = await checkBotToken(
      new webApi.WebClient(botToken, { ...clientOptions, timeout: 10_000, logger: slackLogger }),
    );
    if (!app) {
      // The identity is given, so Bolt makes no auth.test of its own (a failed one would be kept for good).
      // No conversation store: no listener keeps per-conversation state, and Bolt's default store
      // costs every request a lookup (and an Error built for each miss).
      app = new App({
        token: botToken,
        botId: identity.botId,
        botUserId: identity.botUserId,
        receiver,
        logger: slackLogger,
        clientOptions,
        convoStore: false,
      });
      // One lookup per request instead of Bolt offering it to every listener (see ListenerTable).
      const table = new ListenerTable();
      app.use(table.middleware);
      registerSlackListeners(table.registrar(app), ctx);
    }
    await app.start().catch((error: unknown) => {
      throw socketModeError(error);
    });
    status.set('connected');
    // In the background, and apart from connecting: a failed catch-up is told, not taken for a failed connection.
    void catchUp
      .start()
      .then((caughtUp) => logger.info({ caughtUp }, 'slack: replies missed while down are caught up'));
    logger.info({ mode }, 'slack adapter started');
  };
  const supervision = { status, fatal: refused, logger, onRefused: (e: unknown) => onRefused(e as StartupError) };
  const connection = supervise(connect, supervision);

  // Socket Mode: a dropped connection (Slack's routine refresh, or an outage) is opened again with back-off.
  socketReceiver?.client.on('disconnected', () => {
    if (stopping || status.state !== 'connected') return;
    status.set('connecting', 'Socket Mode connection closed');
    reconnecting = supervise(
      () =>
        socketReceiver!.client.start().then(
          () => status.set('connected'),
          (error: unknown) => {
            throw socketModeError(error);
          },
        ),
      supervision,
    );
  });

  try {
    await connection.first;
  } catch (error) {
    connection.stop();
    throw error;
  }

  return {
    sender: httpReceiver
      ? reachabilityFromSends(
          new SlackSender(client, helpdesk, settings.SLACK_SUPPORT_CHANNEL, homes, ctx.timeZones),
          status,
          () => Boolean(app),
        )
      : new SlackSender(client, helpdesk, settings.SLACK_SUPPORT_CHANNEL, homes, ctx.timeZones),
    status,
    settled: async () => {
      await httpReceiver?.settled();
      await homes.settled();
    },
    caughtUp: () => catchUp.finished(),
    stop: async () => {
      stopping = true;
      connection.stop();
      reconnecting?.stop();
      catchUp.stop();
      await catchUp.finished();
      if (app) await app.stop();
      else await httpReceiver?.stop();
      await homes.settled();
    },
  };
}

/** Bolt logs through our logger; a line below our level is not even put together (Bolt logs debug lines on every request). */
function boltLogger(logger: Logger): SlackLogger {
  let level = LogLevel.INFO;
  const at =
    (name: 'debug' | 'info' | 'warn' | 'error') =>
    (...msg: unknown[]) => {
      if (logger.isLevelEnabled(name)) logger[name](msg.map(String).join(' '));
    };
  return {
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    setLevel: (l: LogLevel) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}
