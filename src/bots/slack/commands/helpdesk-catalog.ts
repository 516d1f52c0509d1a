import type { ModalView } from '@slack/types';
import { catalogListText } from '../../../core/rules/catalog';
import type { ActorRef } from '../../../core/services/people';
import type { SlackContext } from '../context';
import { catalogFormView } from '../views/catalog-form';

export const CATALOG_USAGE =
  'Try `/helpdesk catalog list`, `/helpdesk catalog add`, `/helpdesk catalog edit ID` or `/helpdesk catalog remove ID`.';

/**
 * `/helpdesk catalog …` (the words after `/helpdesk`): a private answer, or the form to open.
 * The person is checked before a form opens (one query, well inside the trigger's 3 s) so a
 * supporter is told at once rather than after filling it in; the core checks again on saving.
 */
export async function catalogCommand(
  ctx: Pick<SlackContext, 'helpdesk'>,
  actor: ActorRef,
  words: string[],
): Promise<{ text: string } | { form: ModalView }> {
  const [, verb = 'list', id = ''] = words;
  const role = await ctx.helpdesk.staff.roleOf(actor);
  if (role !== 'admin')
    return { text: 'Only admins manage the service catalog; everyone can read it in the knowledge base.' };
  const services = ctx.helpdesk.catalog.snapshot();
  switch (verb) {
    case 'list':
      return { text: catalogListText(services) };
    case 'add':
      return { form: catalogFormView() };
    case 'edit': {
      const service = services.find((s) => String(s.id) === id);
      return service
        ? { form: catalogFormView(service) }
        : {
            text: `There is no service ${id || '(no id given)'} in the catalog; \`/helpdesk catalog list\` shows their ids.`,
          };
    }
    case 'remove': {
      const removed = await ctx.helpdesk.catalog.remove(actor, { id });
      return {
        text: `${removed.name} (service ${removed.id}) is out of the catalog; tickets opened for it keep it, and the catalog article no longer lists it.`,
      };
    }
    default:
      return { text: CATALOG_USAGE };
  }
}
