import type { SubCommandCall } from '../sub-command';

/** `/helpdesk` with words that name no sub-command. */
export async function run({ answer }: SubCommandCall): Promise<void> {
  await answer('Unknown `/helpdesk` command; `/helpdesk help` lists what you can run.');
}
