import type { SubCommandCall } from '../sub-command';
import { answerWith, target } from './sla-answer';

/** `/helpdesk sla set P1 1h 4h`. */
export async function run(call: SubCommandCall): Promise<void> {
  const [priority = '', firstResponse, resolution] = call.args;
  const setup = await call.ctx.helpdesk.sla.setTargets(call.actor, {
    priority,
    firstResponse: target(firstResponse),
    resolution: target(resolution),
  });
  await answerWith(call, setup, true);
}
