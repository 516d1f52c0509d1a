import { App, LogLevel, SocketModeReceiver, type Receiver } from '@slack/bolt';
import type { Logger as SlackLogger } from '@slack/logger';
import type { Settings } from '../../config';
import type { Helpdesk } from '../../core/helpdesk';
import type { Sender } from '../../delivery/sender';
import type { HttpServer } from '../../http/server';
import type { Logger } from '../../log';
import { registerClaimAction } from './actions/claim';
import { registerDmRouteActions } from './actions/dm-route';
import { registerHomeOpenAction } from './actions/home-open';
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
import { registerReassignAction } from './actions/reassign';
import { registerReopenAction } from './actions/reopen';
import { registerResolveAction } from './actions/resolve';
import { registerSolvedAction } from './actions/solved';
import { registerTypeAction } from './actions/type';
import { AckFirst } from '../ack-first';
import { SlackCatchUp } from './catch-up';
import { registerHelpdeskCommand } from './commands/helpdesk';
import { registerKbCommand } from './commands/kb';
import { registerTicketCommand } from './commands/ticket';
import { registerTicketsCommand } from './commands/tickets';
import type { SlackContext } from './context';
import { registerAppHomeOpened } from './events/app-home-opened';
import { registerMessageEvents } from './events/message';
import { HomeRefresher } from './home-refresher';
import { ListenerTable } from './listener-table';
import { SlackEventsReceiver } from './receiver';
import { SlackSender } from './sender';
import { registerAddNoteShortcut } from './shortcuts/add-note';
import { registerTicketFromMessageShortcut } from './shortcuts/ticket-from-message';
import { registerCatalogForm } from './views/catalog-form';
import { registerEscalateForm } from './views/escalate-form';
import { registerGuidedTicketForm } from './views/guided-ticket-form';
import { registerInternalNoteForm } from './views/internal-note';
import { registerKbForm } from './views/kb-form';
import { registerRatingCommentForm } from './views/rating-comment';
import { registerTicketForm } from './views/ticket-form';

export interface SlackAdapter {
  app: App;
  sender: Sender;
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
  /** Least time between two catch-up calls to Slack (default: Tier 3's pace). */
  catchUpPaceMs?: number;
}

/**
 * Starts the Slack app: HTTP mode mounts `POST /slack/events` on the given server (call before it
 * listens); with SLACK_APP_TOKEN it uses Socket Mode instead. Replies missed while down are fetched
 * in the background: start-up does not wait for them.
 */
export async function startSlackAdapter({
  settings,
  helpdesk,
  http,
  logger,
  catchUpPaceMs,
}: SlackAdapterOptions): Promise<SlackAdapter> {
  if (!settings.SLACK_BOT_TOKEN) throw new Error('SLACK_BOT_TOKEN is not set');
  const slackLogger = boltLogger(logger.child({ adapter: 'slack' }));
  const clientOptions = {
    ...(settings.SLACK_API_URL
      ? { slackApiUrl: settings.SLACK_API_URL.endsWith('/') ? settings.SLACK_API_URL : `${settings.SLACK_API_URL}/` }
      : {}),
    // The dispatcher owns retries: one attempt per send, and a 429 is handed back, not waited out.
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
  };

  const ackFirst = new AckFirst();
  let receiver: Receiver;
  let httpReceiver: SlackEventsReceiver | undefined;
  if (settings.SLACK_APP_TOKEN) {
    // The Socket Mode client's own WebClient (for `apps.connections.open`) takes its options from
    // `installerOptions.clientOptions`; a top-level `clientOptions` is silently ignored.
    receiver = new SocketModeReceiver({
      appToken: settings.SLACK_APP_TOKEN,
      logger: slackLogger,
      ...(settings.SLACK_API_URL
        ? { installerOptions: { clientOptions: { slackApiUrl: clientOptions.slackApiUrl } } }
        : {}),
    });
  } else {
    if (!settings.SLACK_SIGNING_SECRET)
      throw new Error('set SLACK_SIGNING_SECRET (HTTP events) or SLACK_APP_TOKEN (Socket Mode)');
    receiver = httpReceiver = new SlackEventsReceiver({
      http,
      signingSecret: settings.SLACK_SIGNING_SECRET,
      logger,
      ackFirst,
    });
  }

  // No conversation store: no listener keeps per-conversation state, and Bolt's default store
  // costs every request a lookup (and an Error built for each miss).
  const app = new App({
    token: settings.SLACK_BOT_TOKEN,
    receiver,
    logger: slackLogger,
    clientOptions,
    convoStore: false,
  });
  const ctx: SlackContext = { helpdesk, settings, logger, ackFirst };
  const catchUp = new SlackCatchUp(app.client, ctx, catchUpPaceMs);
  ctx.storeLive = (message) => catchUp.storeLive(message);
  const homes = new HomeRefresher(app.client, ctx);
  // One lookup per request instead of Bolt offering it to every listener (see ListenerTable).
  const table = new ListenerTable();
  app.use(table.middleware);
  const listeners = table.registrar(app);
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
  registerRatingCommentForm(listeners, ctx);
  registerAddNoteShortcut(listeners, ctx);
  registerTicketFromMessageShortcut(listeners);
  registerMessageEvents(listeners, ctx);
  registerAppHomeOpened(listeners, ctx);
  registerHomeOpenAction(listeners, ctx);
  registerDmRouteActions(listeners, ctx);
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
  ]) {
    register(listeners, ctx);
  }

  await app.start();
  void catchUp.start().then((caughtUp) => logger.info({ caughtUp }, 'slack: replies missed while down are caught up'));
  logger.info({ mode: settings.SLACK_APP_TOKEN ? 'socket' : 'http' }, 'slack adapter started');

  return {
    app,
    sender: new SlackSender(app.client, helpdesk, settings.SLACK_SUPPORT_CHANNEL, homes),
    settled: async () => {
      await httpReceiver?.settled();
      await homes.settled();
    },
    caughtUp: () => catchUp.finished(),
    stop: async () => {
      catchUp.stop();
      await catchUp.finished();
      await app.stop();
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
