import type { ActorRef } from '../../src/core/services/people';
import type { Helpdesk } from '../../src/core/helpdesk';

/** Named platform identities for tests: `discord('ann')` is Discord user "ann" shown as "Ann". */
export const discord = (id: string): ActorRef => ({
  platform: 'discord',
  userId: id,
  displayName: id[0].toUpperCase() + id.slice(1),
});
export const slack = (id: string): ActorRef => ({
  platform: 'slack',
  userId: id,
  displayName: id[0].toUpperCase() + id.slice(1),
});

export const ADMIN = discord('admin');

/** An admin (from HELPDESK_ADMINS) and supporters of the given tiers, all on Discord. */
export async function staffUp(
  helpdesk: Helpdesk,
  supporters: Record<string, '1' | '2' | '3' | 'admin'>,
): Promise<void> {
  await helpdesk.staff.bootstrapAdmins([ADMIN]);
  for (const [id, role] of Object.entries(supporters)) {
    await helpdesk.staff.add(ADMIN, { person: discord(id), role });
  }
}
