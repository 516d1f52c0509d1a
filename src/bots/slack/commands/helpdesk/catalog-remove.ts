import type { SubCommandCall } from '../sub-command';
import { isAdmin } from './catalog-admin';

/** `/helpdesk catalog remove ID`. */
export async function run(call: SubCommandCall): Promise<void> {
  if (!(await isAdmin(call))) return;
  const removed = await call.ctx.helpdesk.catalog.remove(call.actor, { id: call.args[0] ?? '' });
  await call.answer(call.tr('answers.catalog.removed', { name: removed.name, id: removed.id }));
}
