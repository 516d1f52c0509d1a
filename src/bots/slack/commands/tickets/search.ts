import { slackTextAsMrkdwn } from '../../mrkdwn';
import type { SubCommandCall } from '../sub-command';
import { summaryLine } from './summary-line';

/** `/tickets search WORDS`: the tickets this person may see that match. */
export async function run({ ctx, actor, args, answer }: SubCommandCall): Promise<void> {
  const words = args.join(' ');
  const hits = await ctx.helpdesk.queries.search(actor, { words });
  await answer(
    hits.length
      ? `*Tickets matching "${slackTextAsMrkdwn(words)}"*\n${hits.map(summaryLine).join('\n')}`
      : `No tickets match "${slackTextAsMrkdwn(words)}".`,
  );
}
