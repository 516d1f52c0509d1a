import type { EntityManager } from 'typeorm';
import { IdentityEntity, PersonEntity } from '../../db/entities';
import type { IdentityRef } from '../model';
import type { Person, Platform } from '../model';
import { parseLanguage } from '../texts';

/** A person as the adapters name them: a platform identity, with the name shown there. */
export interface ActorRef extends IdentityRef {
  displayName?: string;
  /**
   * A name someone else wrote for them (Slack's `<@U123|handle>` mention): used only while the
   * person has no name of their own, never to rename them.
   */
  nameIfUnknown?: string;
  /**
   * The language of the person's client as the platform says it (Discord's interaction `locale`,
   * `da`, `en-US`): remembered as their language while they have chosen none.
   */
  locale?: string;
}

/** The language a platform locale names, when the helpdesk has texts in it and the person has no language yet. */
function languageToRemember(person: Pick<Person, 'language'>, ref: ActorRef): string | undefined {
  return person.language ? undefined : parseLanguage(ref.locale);
}

export function toPerson(row: PersonEntity): Person {
  return {
    id: row.id,
    displayName: row.displayName,
    tier: row.tier,
    isAdmin: row.isAdmin,
    away: row.away,
    lastAssignedAt: row.lastAssignedAt,
    language: row.language,
  };
}

/**
 * Finds the person behind a platform identity, creating a customer on first sight. A concurrent
 * first sight of the same identity is settled by the identity's unique key.
 */
export async function resolvePerson(manager: EntityManager, ref: ActorRef): Promise<Person & { isNew?: boolean }> {
  const found = await findPerson(manager, ref);
  if (found) {
    const name = ref.displayName || (found.displayName ? undefined : ref.nameIfUnknown);
    const language = languageToRemember(found, ref);
    if ((name && name !== found.displayName) || language) {
      await manager.update(PersonEntity, found.id, {
        ...(name && name !== found.displayName ? { displayName: name } : {}),
        ...(language ? { language } : {}),
      });
      if (name) found.displayName = name;
      if (language) found.language = language;
    }
    return found;
  }
  // The identity's unique key settles a concurrent first sight: only the winner writes the person.
  const [claimed] = await manager.query(
    `INSERT INTO identity (person_id, platform, platform_user_id, display_name)
     VALUES (nextval('person_id_seq'), $1, $2, $3)
     ON CONFLICT (platform, platform_user_id) DO NOTHING
     RETURNING person_id`,
    [ref.platform, ref.userId, ref.displayName ?? ref.nameIfUnknown ?? null],
  );
  if (claimed) {
    const name = ref.displayName ?? ref.nameIfUnknown ?? '';
    const language = parseLanguage(ref.locale) ?? null;
    await manager.query(`INSERT INTO person (id, display_name, language) VALUES ($1, $2, $3)`, [
      claimed.person_id,
      name,
      language,
    ]);
    return {
      id: claimed.person_id,
      displayName: name,
      tier: null,
      isAdmin: false,
      away: false,
      lastAssignedAt: null,
      language,
      isNew: true,
    };
  }
  const person = await findPerson(manager, ref);
  if (!person) throw new Error(`identity ${ref.platform}:${ref.userId} vanished while resolving it`);
  return person;
}

export async function findPerson(manager: EntityManager, ref: IdentityRef): Promise<Person | null> {
  const row = await manager
    .createQueryBuilder(PersonEntity, 'p')
    .innerJoin(IdentityEntity, 'i', 'i.person_id = p.id')
    .where('i.platform = :platform AND i.platform_user_id = :userId', { platform: ref.platform, userId: ref.userId })
    .getOne();
  return row ? toPerson(row) : null;
}

export async function platformsOf(manager: EntityManager, personIds: number[]): Promise<Map<number, Platform[]>> {
  const result = new Map<number, Platform[]>(personIds.map((id) => [id, []]));
  if (personIds.length === 0) return result;
  const rows: Array<{ person_id: number; platform: Platform }> = await manager.query(
    `SELECT person_id, platform FROM identity WHERE person_id = ANY($1) ORDER BY id`,
    [personIds],
  );
  for (const row of rows) result.get(row.person_id)?.push(row.platform);
  return result;
}
