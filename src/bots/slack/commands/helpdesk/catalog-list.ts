import { catalogListText } from '../../../../core/rules/catalog';
import type { SubCommandCall } from '../sub-command';
import { CATALOG_EXAMPLES, isAdmin } from './catalog-admin';

/** `/helpdesk catalog` or `/helpdesk catalog list`; other words after `catalog` are answered with what it takes. */
export async function run(call: SubCommandCall): Promise<void> {
  if (!(await isAdmin(call))) return;
  if (call.words[1] && call.words[1] !== 'list')
    return await call.answer(call.tr('answers.usage', { examples: CATALOG_EXAMPLES }));
  await call.answer(catalogListText(call.ctx.helpdesk.catalog.snapshot(), call.language));
}
