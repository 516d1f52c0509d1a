import type { SubCommandCall } from '../sub-command';
import { answerWith } from './sla-answer';

/** `/helpdesk sla holiday add|remove 2026-12-24`. */
export async function run(call: SubCommandCall): Promise<void> {
  const [action = '', date = ''] = call.args;
  await answerWith(call, await call.ctx.helpdesk.sla.holiday(call.actor, { action, date }), true);
}
