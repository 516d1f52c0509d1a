import type { SubCommandCall } from '../sub-command';

/** `/helpdesk mark sla|catalog ID` (admins): the article customers are shown as the SLA or the service catalog. */
export async function run({ ctx, actor, args, answer, tr }: SubCommandCall): Promise<void> {
  const [special = '', id = ''] = args;
  const article = await ctx.helpdesk.knowledge.markSpecial(actor, { id, special });
  await answer(
    tr(special === 'sla' ? 'answers.mark.sla' : 'answers.mark.catalog', { id: article.id, title: article.title }),
  );
}
