import { catalogFormView } from '../../views/catalog-form';
import type { SubCommandCall } from '../sub-command';
import { isAdmin, openForm } from './catalog-admin';

/** `/helpdesk catalog add`: the form for a new service and its creation guide. */
export async function run(call: SubCommandCall): Promise<void> {
  if (await isAdmin(call)) await openForm(call, catalogFormView(call.tr));
}
