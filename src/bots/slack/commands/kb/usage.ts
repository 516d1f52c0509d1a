import type { SubCommandCall } from '../sub-command';

/** `/kb` with no words, or words that name no sub-command: what it takes. */
export async function run({ answer }: SubCommandCall): Promise<void> {
  await answer('Try `/kb search WORDS`, `/kb read ID`, `/kb new` or `/kb edit ID`.');
}
