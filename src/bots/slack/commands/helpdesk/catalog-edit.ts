import { catalogFormView } from '../../views/catalog-form';
import type { SubCommandCall } from '../sub-command';
import { isAdmin, openForm } from './catalog-admin';

/** `/helpdesk catalog edit ID`: the form, filled in. */
export async function run(call: SubCommandCall): Promise<void> {
  if (!(await isAdmin(call))) return;
  const id = call.args[0] ?? '';
  const service = call.ctx.helpdesk.catalog.snapshot().find((s) => String(s.id) === id);
  if (!service) return await call.answer(call.tr('answers.catalog.noService', { id }));
  await openForm(call, catalogFormView(call.tr, service));
}
