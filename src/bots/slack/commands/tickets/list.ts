import type { SubCommandCall } from '../sub-command';
import { summaryLine } from './summary-line';

const SECTION_NAME = {
  yours: 'Your tickets',
  mine: 'Assigned to you',
  queue: 'The queue',
  all: 'All open tickets',
} as const;

/** `/tickets` or `/tickets list [mine|queue|all]`: the tickets this person may see, by section. */
export async function run({ ctx, actor, args, answer }: SubCommandCall): Promise<void> {
  const list = await ctx.helpdesk.queries.list(actor, args[0] ? { scope: args[0] } : {});
  await answer(
    list.sections
      .map((s) => `*${SECTION_NAME[s.name]}*\n${s.tickets.map(summaryLine).join('\n') || 'none'}`)
      .join('\n\n'),
  );
}
