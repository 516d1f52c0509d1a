import { slackTextAsMrkdwn } from '../../mrkdwn';
import type { SubCommandCall } from '../sub-command';
import { summaryLine } from './summary-line';

/** `/tickets search WORDS`: the tickets this person may see that match. */
export async function run({ ctx, actor, args, answer, tr }: SubCommandCall): Promise<void> {
  const words = args.join(' ');
  const hits = await ctx.helpdesk.queries.search(actor, { words });
  const quoted = slackTextAsMrkdwn(words);
  await answer(
    hits.length
      ? `*${tr('answers.search.heading', { words: quoted })}*\n${hits.map(summaryLine(tr)).join('\n')}`
      : tr('answers.search.none', { words: quoted }),
  );
}
