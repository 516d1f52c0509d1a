import type { App } from '@slack/bolt';
import type { SlackContext } from '../../context';
import { registerSubCommands, type SubCommandTable } from '../sub-command';
import * as edit from './edit';
import * as newArticle from './new';
import * as read from './read';
import * as search from './search';
import * as usage from './usage';

/** `/kb`'s sub-commands, one file each. */
export const KB: SubCommandTable = {
  search: search.run,
  read: read.run,
  new: newArticle.run,
  edit: edit.run,
  '': usage.run,
  '*': usage.run,
};

/** `/kb search WORDS`, `/kb read ID` (private answers), `/kb new` and `/kb edit ID` (the form). */
export function registerKbCommand(app: App, ctx: SlackContext): void {
  registerSubCommands(app, ctx, '/kb', KB);
}
