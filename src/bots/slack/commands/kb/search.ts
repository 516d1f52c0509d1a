import type { SubCommandCall } from '../sub-command';

/** `/kb search WORDS`: the articles this person may read that match. */
export async function run({ ctx, actor, args, answer }: SubCommandCall): Promise<void> {
  const hits = await ctx.helpdesk.knowledge.search(actor, { words: args.join(' ') });
  await answer(
    hits.length === 0
      ? `No articles match "${args.join(' ')}".`
      : hits
          .map((h) => `*${h.id}. ${h.title}*${h.visibility === 'staff' ? ' (staff only)' : ''}\n${h.snippet}`)
          .join('\n\n') + '\n\n`/kb read ID` shows one.',
  );
}
