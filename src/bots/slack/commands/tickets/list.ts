import type { SubCommandCall } from '../sub-command';
import { summaryLine } from './summary-line';

/** `/tickets` or `/tickets list [mine|queue|all]`: the tickets this person may see, by section. */
export async function run({ ctx, actor, args, answer, tr }: SubCommandCall): Promise<void> {
  const list = await ctx.helpdesk.queries.list(actor, args[0] ? { scope: args[0] } : {});
  await answer(
    list.sections
      .map(
        (s) => `*${tr(`answers.list.${s.name}`)}*\n${s.tickets.map(summaryLine(tr)).join('\n') || tr('answers.none')}`,
      )
      .join('\n\n'),
  );
}
