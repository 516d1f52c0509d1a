import { fitsForm, kbFormView, KB_FORM_BODY_MAX } from '../../views/kb-form';
import type { SubCommandCall } from '../sub-command';

/** `/kb edit ID` (staff): the form, filled in; checked first as `/kb new` is. */
export async function run({ ctx, actor, args, answer, ack, client, command, tr }: SubCommandCall): Promise<void> {
  const role = await ctx.helpdesk.staff.roleOf(actor);
  if (role === 'customer') return await answer(tr('answers.kb.onlyStaffWrite'));
  const article = await ctx.helpdesk.knowledge.read(actor, { id: args[0] ?? '' });
  if (article.archivedAt) return await answer(tr('answers.kb.isArchived', { id: article.id }));
  if (!fitsForm(article)) {
    return await answer(
      tr('answers.kb.tooLongForForm', { id: article.id, length: article.body.length, max: KB_FORM_BODY_MAX }),
    );
  }
  await ack();
  await client.views.open({ trigger_id: command.trigger_id, view: kbFormView(tr, article) });
}
