import { LANGUAGES, t } from '../../../../core/texts';
import type { SubCommandCall } from '../sub-command';

/** `/helpdesk language da|en`: the language the helpdesk speaks to this person from now on, on every platform. */
export async function run({ ctx, actor, args, answer, tr }: SubCommandCall): Promise<void> {
  if (!args[0])
    return await answer(
      tr('answers.usage', { examples: LANGUAGES.map((l) => `\`/helpdesk language ${l}\``).join(', ') }),
    );
  const language = await ctx.helpdesk.languages.set(actor, { language: args[0] });
  await answer(t(language, 'people.languageSet'));
}
