import { fitText } from '../../../../core/rules/fit';
import type { SubCommandCall } from '../sub-command';

/** Slack's message text limit is 40,000 characters; a longer article is shown up to there and says so. */
const READ_MAX = 39_000;

/** `/kb read ID`: one article, privately. */
export async function run({ ctx, actor, args, answer, tr }: SubCommandCall): Promise<void> {
  const article = await ctx.helpdesk.knowledge.read(actor, { id: args[0] ?? '' });
  const head = `*${article.id}. ${article.title}*${article.tags.length ? `  _${article.tags.join(', ')}_` : ''}${article.archivedAt ? ` (${tr('answers.kb.archived')})` : ''}\n\n`;
  const body =
    article.body.length > READ_MAX
      ? `${fitText(article.body, READ_MAX)}\n\n${tr('answers.kb.cutShort')}`
      : article.body;
  await answer(head + body);
}
