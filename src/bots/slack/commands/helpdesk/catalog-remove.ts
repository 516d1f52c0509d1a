import type { SubCommandCall } from '../sub-command';
import { isAdmin } from './catalog-admin';

/** `/helpdesk catalog remove ID`. */
export async function run(call: SubCommandCall): Promise<void> {
  if (!(await isAdmin(call))) return;
  const removed = await call.ctx.helpdesk.catalog.remove(call.actor, { id: call.args[0] ?? '' });
  await call.answer(
    `${removed.name} (service ${removed.id}) is out of the catalog; tickets opened for it keep it, and the catalog article no longer lists it.`,
  );
}
