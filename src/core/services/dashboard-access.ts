import { createHash, randomBytes } from 'node:crypto';
import type { Person, Platform, Role } from '../model';
import { authorize } from '../rules/authorization';
import { roleOf } from '../rules/roles';
import {
  sessionExpiry,
  sessionIsLive,
  signInExpiry,
  signInRefusal,
  type SignInRefusal,
} from '../rules/dashboard-access';
import { languageOf, type Language } from '../texts';
import { transaction, type ServiceContext } from './context';
import { resolvePerson, type ActorRef } from './people';

/** The secret a browser holds, and what the database keeps of it: only its hash. */
function newSecret(): string {
  return randomBytes(32).toString('base64url');
}
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** Who a session belongs to, read afresh on every request: their role and language as they are now. */
export interface DashboardViewer {
  person: Person;
  role: Role;
  language: Language;
  /** The identity the core's services are called with (the platform they signed in from, else another of theirs). */
  actor: ActorRef;
  /** The session's form token: a hash of the session id, so it needs no storage and dies with the session. */
  csrfToken: string;
  expiresAt: Date;
}

export type Redemption = { sessionId: string; expiresAt: Date } | { refused: SignInRefusal };

interface PersonRow {
  id: number;
  display_name: string;
  tier: 1 | 2 | 3 | null;
  is_admin: boolean;
  away: boolean;
  last_assigned_at: Date | null;
  language: string | null;
  erased_at: Date | null;
  merged_into_id: number | null;
}

/**
 * Sign-in links and sessions of the web dashboard. A link is bound to the person who asked for it,
 * used once within minutes; the session it starts lasts `dashboardSessionHours`. Nothing here
 * decides what a person may see: the pages call the same services as chat, which authorise each call.
 */
export class DashboardAccess {
  constructor(private readonly ctx: ServiceContext) {}

  /** A fresh single-use sign-in link for the person behind `actorRef`. */
  async signInLink(actorRef: ActorRef): Promise<{ url: string; expiresAt: Date; language: Language }> {
    const token = newSecret();
    return transaction(this.ctx, async (tx) => {
      const person = await resolvePerson(tx.manager, actorRef);
      authorize(person, 'dashboard.sign_in');
      const expiresAt = signInExpiry(tx.now);
      await tx.manager.query(
        `INSERT INTO dashboard_sign_in (token_hash, person_id, platform, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)`,
        [hashSecret(token), person.id, actorRef.platform, tx.now, expiresAt],
      );
      // Links nobody used are of no further use: kept only until they expire.
      await tx.manager.query(`DELETE FROM dashboard_sign_in WHERE expires_at < $1`, [tx.now]);
      return {
        url: `${this.ctx.policy.publicUrl}/signin?token=${token}`,
        expiresAt,
        language: languageOf(person, this.ctx.policy.language),
      };
    });
  }

  /** Spends a sign-in link: a new session, or why the link is refused (unknown, used already, too late). */
  async redeem(token: string): Promise<Redemption> {
    return transaction(this.ctx, async (tx) => {
      const [row] = (await tx.manager.query(
        `SELECT person_id, platform, expires_at, used_at FROM dashboard_sign_in WHERE token_hash = $1 FOR UPDATE`,
        [hashSecret(token)],
      )) as Array<{ person_id: number; platform: Platform; expires_at: Date; used_at: Date | null }>;
      const refusal = signInRefusal(row && { expiresAt: new Date(row.expires_at), usedAt: row.used_at }, tx.now);
      if (refusal) return { refused: refusal };
      await tx.manager.query(`UPDATE dashboard_sign_in SET used_at = $2 WHERE token_hash = $1`, [
        hashSecret(token),
        tx.now,
      ]);
      const sessionId = newSecret();
      const expiresAt = sessionExpiry(tx.now, this.ctx.policy.dashboardSessionHours);
      await tx.manager.query(
        `INSERT INTO dashboard_session (id_hash, person_id, platform, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)`,
        [hashSecret(sessionId), row.person_id, row.platform, tx.now, expiresAt],
      );
      return { sessionId, expiresAt };
    });
  }

  /**
   * The person behind a session cookie, as they are now, or null: no such session, expired, signed
   * out, or the person forgotten. A person joined into another (`/helpdesk link`) is that other.
   */
  async viewer(sessionId: string): Promise<DashboardViewer | null> {
    // One statement, not three: every page asks it first, so its round trips are every page's.
    const [row] = (await this.ctx.dataSource.manager.query(
      `SELECT s.expires_at, s.ended_at, p.id, p.display_name, p.tier, p.is_admin, p.away, p.last_assigned_at,
              p.language, p.erased_at, i.platform AS identity_platform, i.platform_user_id
       FROM dashboard_session s
       LEFT JOIN person p ON p.id = (SELECT coalesce(merged_into_id, id) FROM person WHERE id = s.person_id)
       LEFT JOIN LATERAL (
         SELECT platform, platform_user_id FROM identity
         WHERE person_id = p.id ORDER BY (platform = s.platform) DESC, id LIMIT 1) i ON true
       WHERE s.id_hash = $1`,
      [hashSecret(sessionId)],
    )) as Array<
      Partial<PersonRow> & {
        expires_at: Date;
        ended_at: Date | null;
        identity_platform: Platform | null;
        platform_user_id: string | null;
      }
    >;
    if (!row) return null;
    const expiresAt = new Date(row.expires_at);
    const person = row.id == null ? undefined : (row as PersonRow);
    const live = sessionIsLive(
      { expiresAt, endedAt: row.ended_at },
      person && { erasedAt: person.erased_at },
      this.ctx.clock.now(),
    );
    if (!live || !person || !row.identity_platform || !row.platform_user_id) return null;
    const identity = { platform: row.identity_platform, platform_user_id: row.platform_user_id };
    const plain: Person = {
      id: person.id,
      displayName: person.display_name,
      tier: person.tier,
      isAdmin: person.is_admin,
      away: person.away,
      lastAssignedAt: person.last_assigned_at,
      language: person.language,
    };
    return {
      person: plain,
      role: roleOf(plain),
      language: languageOf(plain, this.ctx.policy.language),
      actor: { platform: identity.platform, userId: identity.platform_user_id },
      csrfToken: hashSecret(`csrf:${sessionId}`),
      expiresAt,
    };
  }

  /** Ends a session ("Sign out"): its cookie opens nothing any more, on any instance. */
  async signOut(sessionId: string): Promise<void> {
    await this.ctx.dataSource.manager.query(
      `UPDATE dashboard_session SET ended_at = $2 WHERE id_hash = $1 AND ended_at IS NULL`,
      [hashSecret(sessionId), this.ctx.clock.now()],
    );
  }
}
