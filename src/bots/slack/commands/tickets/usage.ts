import type { SubCommandCall } from '../sub-command';

const EXAMPLES =
  '`/tickets`, `/tickets list mine|queue|all`, `/tickets show 6`, `/tickets search WORDS`, `/tickets transcript 6`, `/tickets assign 6 @person`, `/tickets escalate 6 [@person]`, `/tickets priority 6 P1`, `/tickets link 6 PARENT`, `/tickets unlink 6`';

/** `/tickets` with words that name no sub-command: what it takes. */
export async function run({ answer, tr }: SubCommandCall): Promise<void> {
  await answer(tr('answers.usage', { examples: EXAMPLES }));
}
