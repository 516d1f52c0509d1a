import type { SubCommandCall } from '../sub-command';

/** `/helpdesk` with words that name no sub-command. */
export async function run({ answer, tr }: SubCommandCall): Promise<void> {
  await answer(tr('answers.unknownCommand', { command: '`/helpdesk`' }));
}
