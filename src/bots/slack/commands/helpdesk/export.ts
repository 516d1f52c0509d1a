import { parsePersonId } from '../../../privacy-answers';
import type { SubCommandCall } from '../sub-command';
import { PRIVACY_EXAMPLES, sendExport } from './privacy';

/** `/helpdesk export @person` (admins): the file goes to the admin's DM with the app, as `/tickets transcript` does. */
export async function run({ ctx, actor, args, answer, client, command, tr }: SubCommandCall): Promise<void> {
  if (!args[0]) return await answer(tr('answers.usage', { examples: PRIVACY_EXAMPLES }));
  const person = parsePersonId(args[0], 'slack', tr);
  const data = await ctx.helpdesk.privacy.export(actor, { person });
  await answer(tr('answers.privacy.exportOnItsWay', { person: data.person.displayName || args[0] }));
  await sendExport(
    client,
    command,
    { filename: `person-${person.platform}-${person.userId}.json`, content: JSON.stringify(data, null, 2) },
    ctx,
    tr,
  );
}
