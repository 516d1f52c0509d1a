import type { SubCommandCall } from '../sub-command';
import { answerWith } from './sla-answer';

/** `/helpdesk sla hours Mon-Fri 08:00-16:00 Europe/Copenhagen|off`. */
export async function run(call: SubCommandCall): Promise<void> {
  await answerWith(call, await call.ctx.helpdesk.sla.setHours(call.actor, { hours: call.args.join(' ') }), true);
}
