import { fitsForm, kbFormView, KB_FORM_BODY_MAX } from '../../views/kb-form';
import type { SubCommandCall } from '../sub-command';

/** `/kb edit ID` (staff): the form, filled in; checked first as `/kb new` is. */
export async function run({ ctx, actor, args, answer, ack, client, command }: SubCommandCall): Promise<void> {
  const role = await ctx.helpdesk.staff.roleOf(actor);
  if (role === 'customer') return await answer('Only staff can write knowledge-base articles.');
  const article = await ctx.helpdesk.knowledge.read(actor, { id: args[0] ?? '' });
  if (article.archivedAt) return await answer(`Article ${article.id} is archived; it can't be edited.`);
  if (!fitsForm(article)) {
    return await answer(
      `Article ${article.id} is ${article.body.length} characters long; Slack's form holds ${KB_FORM_BODY_MAX}, so it can't be edited here without cutting it. Edit it where longer text fits (e.g. the admin tools); it is kept whole.`,
    );
  }
  await ack();
  await client.views.open({ trigger_id: command.trigger_id, view: kbFormView(article) });
}
