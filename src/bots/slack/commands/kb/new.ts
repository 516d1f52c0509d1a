import { kbFormView } from '../../views/kb-form';
import type { SubCommandCall } from '../sub-command';

/**
 * `/kb new` (staff): the form. Writers are checked before it opens (one query, well inside the
 * trigger's 3 s) so a customer gets a clear answer instead of a form they can't submit; the core
 * checks again on submit.
 */
export async function run({ ctx, actor, answer, ack, client, command, tr }: SubCommandCall): Promise<void> {
  const role = await ctx.helpdesk.staff.roleOf(actor);
  if (role === 'customer') return await answer(tr('answers.kb.onlyStaffWrite'));
  await ack();
  await client.views.open({ trigger_id: command.trigger_id, view: kbFormView(tr) });
}
