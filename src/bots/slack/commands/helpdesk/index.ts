import type { App } from '@slack/bolt';
import type { SlackContext } from '../../context';
import { registerSubCommands, type SubCommandTable } from '../sub-command';
import * as away from './away';
import * as catalogAdd from './catalog-add';
import * as catalogEdit from './catalog-edit';
import * as catalogList from './catalog-list';
import * as catalogRemove from './catalog-remove';
import * as dashboard from './dashboard';
import * as exportPerson from './export';
import * as forget from './forget';
import * as help from './help';
import * as language from './language';
import * as link from './link';
import * as mark from './mark';
import * as redact from './redact';
import * as repliesAdd from './replies-add';
import * as repliesEdit from './replies-edit';
import * as repliesList from './replies-list';
import * as repliesRemove from './replies-remove';
import * as setup from './setup';
import * as slaHoliday from './sla-holiday';
import * as slaHours from './sla-hours';
import * as slaSet from './sla-set';
import * as slaShow from './sla-show';
import * as staffAdd from './staff-add';
import * as staffRemove from './staff-remove';
import * as stats from './stats';
import * as unknown from './unknown';

/** `/helpdesk`'s sub-commands, one file each; bare `sla`, `catalog` and `replies` show, bare `/helpdesk` helps. */
export const HELPDESK: SubCommandTable = {
  '': help.run,
  help: help.run,
  'staff add': staffAdd.run,
  'staff remove': staffRemove.run,
  away: away.run,
  link: link.run,
  mark: mark.run,
  setup: setup.run,
  language: language.run,
  sla: slaShow.run,
  'sla show': slaShow.run,
  'sla set': slaSet.run,
  'sla hours': slaHours.run,
  'sla holiday': slaHoliday.run,
  catalog: catalogList.run,
  'catalog list': catalogList.run,
  'catalog add': catalogAdd.run,
  'catalog edit': catalogEdit.run,
  'catalog remove': catalogRemove.run,
  replies: repliesList.run,
  'replies list': repliesList.run,
  'replies add': repliesAdd.run,
  'replies edit': repliesEdit.run,
  'replies remove': repliesRemove.run,
  forget: forget.run,
  export: exportPerson.run,
  redact: redact.run,
  stats: stats.run,
  dashboard: dashboard.run,
  '*': unknown.run,
};

/** `/helpdesk help`, `staff add|remove @person …`, `away on|off [@person]`, `link [CODE]`, `sla …`, `stats [7d|30d]`, `redact LINK …`, `forget|export @person`: private answers; `catalog …` may open a form. */
export function registerHelpdeskCommand(app: App, ctx: SlackContext): void {
  registerSubCommands(app, ctx, '/helpdesk', HELPDESK);
}
