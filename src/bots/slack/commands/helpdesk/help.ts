import { helpHeading, helpList } from '../../../../core/rules/command-catalogue';
import type { SubCommandCall } from '../sub-command';

/** `/helpdesk help` (or bare `/helpdesk`): what this person may run, from the command catalogue, in their language. */
export async function run({ ctx, actor, answer }: SubCommandCall): Promise<void> {
  const [language, role] = await Promise.all([ctx.helpdesk.languages.of(actor), ctx.helpdesk.staff.roleOf(actor)]);
  const lines = helpList(role, 'slack', language).map(({ usage, text }) =>
    usage ? `• \`${usage}\`: ${text}` : `• ${text}`,
  );
  await answer(`${helpHeading(role, language)}\n${lines.join('\n')}`);
}
