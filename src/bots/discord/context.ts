import type { Settings } from '../../config';
import type { Helpdesk } from '../../core/helpdesk';
import type { Logger } from '../../log';
import type { AckFirst } from '../ack-first';

/** What every interaction and event handler gets: the core, the settings, a logger, and a nudge for the queue. */
export interface DiscordContext {
  helpdesk: Helpdesk;
  settings: Settings;
  logger: Logger;
  /** Deliveries were just written: let the dispatcher run now rather than at its next tick. */
  wakeDispatcher(): void;
  /** Answers first: slow work an answer sets off waits until a burst's answers are out (ack-first-interactions.ts). */
  ackFirst: AckFirst;
}
