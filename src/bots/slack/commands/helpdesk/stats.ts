import { formatStats } from '../../../../core/rules/stats';
import type { SubCommandCall } from '../sub-command';

/** `/helpdesk stats [7d|30d]` (admins), in the reader's language. */
export async function run({ ctx, actor, args, answer, tr }: SubCommandCall): Promise<void> {
  await answer(formatStats(await ctx.helpdesk.stats.stats(actor, args[0] ? { period: args[0] } : {}), tr));
}
