import { PersonEntity } from '../../db/entities';
import { authorize } from '../rules/authorization';
import { languageSchema, parseInput } from '../schemas';
import { languageOf, type Language } from '../texts';
import { transaction, type ServiceContext } from './context';
import { findPerson, resolvePerson, type ActorRef } from './people';

/**
 * The language each person reads: their choice (`/helpdesk language da|en`), else their Discord
 * client's (remembered on first sight), else the helpdesk's (`HELPDESK_LANGUAGE`).
 */
export class LanguageService {
  constructor(private readonly ctx: ServiceContext) {}

  /** The language of the staff side (cards and alerts in staff channels): `HELPDESK_LANGUAGE`. */
  staff(): Language {
    return this.ctx.policy.language;
  }

  /** `/helpdesk language da|en`: the person's own choice, on every platform they are linked on. */
  async set(actorRef: ActorRef, raw: unknown): Promise<Language> {
    const input = parseInput(languageSchema, raw);
    return transaction(this.ctx, async (tx) => {
      const actor = await resolvePerson(tx.manager, actorRef);
      authorize(actor, 'person.language');
      await tx.manager.update(PersonEntity, actor.id, { language: input.language });
      return input.language;
    });
  }

  /**
   * The language to answer this person in. Asking writes nothing (a refused request changes
   * nothing, not even a remembered locale): their client's locale counts here, and it is stored
   * with the first thing they do that the helpdesk keeps (`resolvePerson` inside that change).
   */
  async of(actorRef: ActorRef): Promise<Language> {
    const known = await findPerson(this.ctx.dataSource.manager, actorRef);
    return languageOf(known ?? { language: null }, this.ctx.policy.language, actorRef.locale);
  }
}
