import type { App } from '@slack/bolt';
import type { SlackContext } from '../../context';
import { registerSubCommands, type SubCommandTable } from '../sub-command';
import * as assign from './assign';
import * as escalate from './escalate';
import * as link from './link';
import * as list from './list';
import * as priority from './priority';
import * as search from './search';
import * as show from './show';
import * as transcript from './transcript';
import * as unlink from './unlink';
import * as usage from './usage';

/** `/tickets`' sub-commands, one file each; bare `/tickets` lists. */
export const TICKETS: SubCommandTable = {
  '': list.run,
  list: list.run,
  show: show.run,
  search: search.run,
  transcript: transcript.run,
  assign: assign.run,
  escalate: escalate.run,
  priority: priority.run,
  link: link.run,
  unlink: unlink.run,
  '*': usage.run,
};

/**
 * `/tickets` (bare: list), `list [mine|queue|all]`, `show N`, `search WORDS`, `transcript N` (a file
 * in the person's DM with the app), and staff's `assign N @person`, `escalate N [@person]`,
 * `priority N P1..P4`, `link N PARENT`, `unlink N` (major incidents). Private answers; the card is
 * redrawn through the delivery queue.
 */
export function registerTicketsCommand(app: App, ctx: SlackContext): void {
  registerSubCommands(app, ctx, '/tickets', TICKETS);
}
