import type { SubCommandCall } from '../sub-command';
import { SLA_EXAMPLES, answerWith } from './sla-answer';

/** `/helpdesk sla` or `/helpdesk sla show`; other words after `sla` are answered with what it takes. */
export async function run(call: SubCommandCall): Promise<void> {
  if (call.words[1] && call.words[1] !== 'show')
    return await call.answer(call.tr('answers.usage', { examples: SLA_EXAMPLES }));
  await answerWith(call, await call.ctx.helpdesk.sla.show(call.actor), false);
}
