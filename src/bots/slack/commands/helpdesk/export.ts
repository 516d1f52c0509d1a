import { parsePersonId } from '../../../privacy-answers';
import type { SubCommandCall } from '../sub-command';
import { PRIVACY_USAGE, sendExport } from './privacy';

/** `/helpdesk export @person` (admins): the file goes to the admin's DM with the app, as `/tickets transcript` does. */
export async function run({ ctx, actor, args, answer, client, command }: SubCommandCall): Promise<void> {
  if (!args[0]) return await answer(PRIVACY_USAGE);
  const person = parsePersonId(args[0], 'slack');
  const data = await ctx.helpdesk.privacy.export(actor, { person });
  await answer(
    `Everything the helpdesk keeps about ${data.person.displayName || args[0]} is on its way to your DM with the app, as a file.`,
  );
  await sendExport(
    client,
    command,
    { filename: `person-${person.platform}-${person.userId}.json`, content: JSON.stringify(data, null, 2) },
    ctx,
  );
}
