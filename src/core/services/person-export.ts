import type { Platform } from '../model';
import { roleOf } from '../rules/roles';
import type { Tx } from './context';

export interface ExportedComment {
  id: number;
  ticketNumber: number;
  kind: 'public' | 'internal';
  author: string | null;
  body: string;
  createdAt: Date;
  editedAt: Date | null;
  deleted: boolean;
  redacted: boolean;
  platform: Platform | null;
  messageId: string | null;
  earlierVersions: Array<{ body: string; replacedAt: Date }>;
  files: Array<{
    name: string;
    contentType: string | null;
    sizeBytes: number;
    kept: boolean;
    sourceUrl: string | null;
  }>;
}

/** Everything the helpdesk keeps about one person (PRODUCT.md "Privacy"), as `/helpdesk export` hands it over. */
export interface PersonExport {
  exportedAt: Date;
  person: {
    id: number;
    displayName: string;
    role: string;
    tier: number | null;
    away: boolean;
    createdAt: Date;
    erasedAt: Date | null;
    formerNames: string[];
  };
  identities: Array<{ platform: Platform; userId: string; displayName: string | null; createdAt: Date }>;
  linkCodes: Array<{ code: string; platform: Platform; expiresAt: Date; usedAt: Date | null }>;
  /** Their tickets with everything said in them, internal notes about them included. */
  ticketsAsCustomer: Array<{
    number: number;
    title: string;
    description: string;
    type: string;
    status: string;
    resolution: string | null;
    priority: string;
    platform: Platform;
    createdAt: Date;
    resolvedAt: Date | null;
    comments: ExportedComment[];
  }>;
  /** What they wrote in other people's tickets (as staff, say). */
  commentsInOtherTickets: ExportedComment[];
  ratings: Array<{ ticketNumber: number; score: number; comment: string | null; createdAt: Date }>;
  drafts: Array<{
    title: string;
    description: string;
    answers: Array<{ question: string; answer: string }>;
    outcome: string | null;
    createdAt: Date;
  }>;
  /** Tickets assigned to them now (as staff), by number. */
  ticketsAssigned: number[];
}

export async function exportPerson(tx: Tx, personId: number): Promise<PersonExport> {
  const m = tx.manager;
  const [person] = await m.query(`SELECT * FROM person WHERE id = $1`, [personId]);
  const formerNames: Array<{ display_name: string }> = await m.query(
    `SELECT display_name FROM person WHERE merged_into_id = $1 AND display_name <> ''`,
    [personId],
  );
  const identities = await m.query(
    `SELECT platform, platform_user_id, display_name, created_at FROM identity WHERE person_id = $1 ORDER BY id`,
    [personId],
  );
  const linkCodes = await m.query(
    `SELECT code, platform, expires_at, used_at FROM link_code WHERE person_id = $1 ORDER BY expires_at`,
    [personId],
  );
  const tickets = await m.query(`SELECT * FROM ticket WHERE customer_id = $1 ORDER BY number`, [personId]);
  const comments = await commentsOf(tx, personId);
  const ratings = await m.query(
    `SELECT t.number, r.score, r.comment, r.created_at FROM rating r JOIN ticket t ON t.id = r.ticket_id
     WHERE r.person_id = $1 OR t.customer_id = $1 ORDER BY r.id`,
    [personId],
  );
  const drafts = await m.query(
    `SELECT title, description, answers, outcome, created_at FROM ticket_draft WHERE person_id = $1 ORDER BY created_at`,
    [personId],
  );
  const assigned: Array<{ number: number }> = await m.query(
    `SELECT number FROM ticket WHERE assignee_id = $1 AND status <> 'resolved' ORDER BY number`,
    [personId],
  );
  const theirs = new Set<number>(tickets.map((t: { number: number }) => t.number));
  return {
    exportedAt: tx.now,
    person: {
      id: person.id,
      displayName: person.display_name,
      role: roleOf({ tier: person.tier, isAdmin: person.is_admin }),
      tier: person.tier,
      away: person.away,
      createdAt: person.created_at,
      erasedAt: person.erased_at,
      formerNames: formerNames.map((p) => p.display_name),
    },
    identities: identities.map((i: Record<string, any>) => ({
      platform: i.platform,
      userId: i.platform_user_id,
      displayName: i.display_name,
      createdAt: i.created_at,
    })),
    linkCodes: linkCodes.map((l: Record<string, any>) => ({
      code: l.code,
      platform: l.platform,
      expiresAt: l.expires_at,
      usedAt: l.used_at,
    })),
    ticketsAsCustomer: tickets.map((t: Record<string, any>) => ({
      number: t.number,
      title: t.title,
      description: t.description,
      type: t.type,
      status: t.status,
      resolution: t.resolution,
      priority: t.priority,
      platform: t.platform,
      createdAt: t.created_at,
      resolvedAt: t.resolved_at,
      comments: comments.filter((c) => c.ticketNumber === t.number),
    })),
    commentsInOtherTickets: comments.filter((c) => !theirs.has(c.ticketNumber)),
    ratings: ratings.map((r: Record<string, any>) => ({
      ticketNumber: r.number,
      score: r.score,
      comment: r.comment,
      createdAt: r.created_at,
    })),
    drafts: drafts.map((d: Record<string, any>) => ({
      title: d.title,
      description: d.description,
      answers: d.answers,
      outcome: d.outcome,
      createdAt: d.created_at,
    })),
    ticketsAssigned: assigned.map((a) => a.number),
  };
}

/** Every comment in their tickets (whoever wrote it) and every comment they wrote, with versions and files. */
async function commentsOf(tx: Tx, personId: number): Promise<ExportedComment[]> {
  const m = tx.manager;
  const rows = await m.query(
    `SELECT c.*, t.number AS ticket_number, p.display_name AS author_name
     FROM comment c JOIN ticket t ON t.id = c.ticket_id LEFT JOIN person p ON p.id = c.author_id
     WHERE t.customer_id = $1 OR c.author_id = $1 ORDER BY c.id`,
    [personId],
  );
  const ids = rows.map((r: { id: string | number }) => Number(r.id));
  const revisions = await m.query(
    `SELECT comment_id, body, replaced_at FROM comment_revision WHERE comment_id = ANY($1) ORDER BY id`,
    [ids],
  );
  const files = await m.query(
    `SELECT comment_id, filename, content_type, size_bytes, data IS NOT NULL AS kept, source_url
     FROM attachment WHERE comment_id = ANY($1) ORDER BY id`,
    [ids],
  );
  return rows.map((c: Record<string, any>) => ({
    id: Number(c.id),
    ticketNumber: c.ticket_number,
    kind: c.kind,
    author: c.author_name,
    body: c.body,
    createdAt: c.created_at,
    editedAt: c.edited_at,
    deleted: c.deleted_at !== null,
    redacted: c.redacted_at !== null,
    platform: c.platform,
    messageId: c.platform_message_id,
    earlierVersions: revisions
      .filter((r: Record<string, any>) => Number(r.comment_id) === Number(c.id))
      .map((r: Record<string, any>) => ({ body: r.body, replacedAt: r.replaced_at })),
    files: files
      .filter((f: Record<string, any>) => Number(f.comment_id) === Number(c.id))
      .map((f: Record<string, any>) => ({
        name: f.filename,
        contentType: f.content_type,
        sizeBytes: f.size_bytes,
        kept: f.kept,
        sourceUrl: f.source_url,
      })),
  }));
}
