import type { SubCommandCall } from '../sub-command';

/** `/kb search WORDS`: the articles this person may read that match. */
export async function run({ ctx, actor, args, answer, tr }: SubCommandCall): Promise<void> {
  const hits = await ctx.helpdesk.knowledge.search(actor, { words: args.join(' ') });
  const words = args.join(' ');
  if (hits.length === 0) return await answer(tr('answers.kb.none', { words }));
  const found = hits.map(
    (h) => `*${h.id}. ${h.title}*${h.visibility === 'staff' ? ` (${tr('answers.kb.staffOnly')})` : ''}\n${h.snippet}`,
  );
  await answer([tr('answers.kb.heading', { words }), ...found].join('\n\n'));
}
