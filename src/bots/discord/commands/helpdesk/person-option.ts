import type { ChatInputCommandInteraction } from 'discord.js';
import type { IdentityRef } from '../../../../core/model';
import { InvalidInputError } from '../../../../core/errors';
import { parsePersonId } from '../../../privacy-answers';
import type { Translate } from '../../../reader';

/** The person `/helpdesk forget` and `export` name: a member picked in `person:`, or an id in `id:` for someone gone. */
export function namedPerson(interaction: ChatInputCommandInteraction, tr: Translate): IdentityRef {
  const user = interaction.options.getUser('person');
  const id = interaction.options.getString('id');
  if (user && !id) return { platform: 'discord', userId: user.id };
  if (id && !user) return parsePersonId(id, 'discord', tr);
  throw new InvalidInputError([
    { field: 'person', problem: tr('answers.personNeeded', { options: '`person:`, `id:`' }) },
  ]);
}
