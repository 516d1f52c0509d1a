import type { SubCommandCall } from '../sub-command';

/** `/kb` with no words, or words that name no sub-command: what it takes. */
export async function run({ answer, tr }: SubCommandCall): Promise<void> {
  await answer(tr('answers.usage', { examples: '`/kb search WORDS`, `/kb read ID`, `/kb new`, `/kb edit ID`' }));
}
