import { msg } from '../rules/messages';
import { randomUUID } from 'node:crypto';
import { ConflictError, NotFoundError } from '../errors';
import type { Impact, LocatedTicket, Platform, TicketType, Urgency } from '../model';
import { authorize } from '../rules/authorization';
import {
  DRAFT_KEPT_MS,
  declinedText,
  descriptionWithAnswers,
  SUGGESTED_ARTICLES,
  type Service,
} from '../rules/catalog';
import { searchTerms } from '../rules/it-words';
import { deflectSchema, DESCRIPTION_MAX, draftOpenSchema, draftRefSchema, draftSchema, parseInput } from '../schemas';
import { findService } from './catalog';
import { languageOf } from '../texts';
import { transaction, type ServiceContext, type Tx } from './context';
import { resolvePerson, type ActorRef } from './people';
import { anyOf, termQueries } from './term-queries';
import { assertMayOpen, openInTx } from './tickets';

export interface SuggestedArticle {
  id: number;
  title: string;
  snippet: string;
}

export interface Draft {
  id: string;
  service: Service | null;
  title: string;
  description: string;
  type: TicketType;
  suggested: SuggestedArticle[];
  createdAt: Date;
}

export type SubmitResult =
  { outcome: 'suggest'; draft: Draft } | { outcome: 'declined'; draftId: string; message: string };

/**
 * The creation guide (PRODUCT.md "Creation guides"): what the customer wrote is stored first, as
 * a draft; up to three articles matching it are offered; the customer then says "This solved it"
 * (no ticket, a deflection counted with the article) or opens the ticket from the draft. Nothing
 * submitted is lost: an undecided draft waits, and is offered again for a day.
 */
export class GuideService {
  constructor(private readonly ctx: ServiceContext) {}

  async submit(actorRef: ActorRef, raw: unknown): Promise<SubmitResult> {
    const input = parseInput(draftSchema, raw);
    return transaction(this.ctx, async (tx) => {
      const actor = await resolvePerson(tx.manager, actorRef);
      authorize(actor, 'ticket.open');
      const service = input.serviceId === null ? null : await findService(tx.manager, input.serviceId);
      if (input.serviceId !== null && !service)
        throw new NotFoundError(msg('refusals.noService', { id: input.serviceId }));
      const declined = service !== null && !service.covered;
      const suggested = declined
        ? []
        : await suggestArticles(
            tx,
            `${input.title} ${input.description} ${input.answers.map((a) => a.answer).join(' ')}`,
          );
      const id = randomUUID();
      await tx.manager.query(
        `INSERT INTO ticket_draft (id, person_id, platform, service_id, title, description, type, impact, urgency, answers,
                                   suggested_article_ids, outcome, created_at, expires_at, decided_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
        [
          id,
          actor.id,
          actorRef.platform,
          service?.id ?? null,
          input.title,
          input.description,
          input.type,
          input.impact ?? null,
          input.urgency ?? null,
          JSON.stringify(input.answers),
          suggested.map((a) => a.id),
          declined ? 'declined' : null,
          tx.now,
          new Date(tx.now.getTime() + DRAFT_KEPT_MS),
          declined ? tx.now : null,
        ],
      );
      if (declined) {
        const [catalog] = await tx.manager.query(
          `SELECT id FROM article WHERE special = 'catalog' AND archived_at IS NULL`,
        );
        const language = languageOf(actor, this.ctx.policy.language, actorRef.locale);
        return { outcome: 'declined', draftId: id, message: declinedText(service, catalog?.id ?? null, language) };
      }
      return {
        outcome: 'suggest',
        draft: {
          id,
          service,
          title: input.title,
          description: input.description,
          type: input.type,
          suggested,
          createdAt: tx.now,
        },
      };
    });
  }

  /** "This solved it": no ticket; the deflection is counted with its service and article. */
  async deflect(actorRef: ActorRef, raw: unknown): Promise<SuggestedArticle> {
    const input = parseInput(deflectSchema, raw);
    return transaction(this.ctx, async (tx) => {
      const draft = await lockOwnUndecided(tx, actorRef, input.draftId);
      if (!draft.suggested_article_ids.includes(input.articleId))
        throw new ConflictError(msg('refusals.articleNotOffered'));
      await tx.manager.query(
        `UPDATE ticket_draft SET outcome = 'deflected', article_id = $2, decided_at = $3 WHERE id = $1`,
        [draft.id, input.articleId, tx.now],
      );
      const [article] = await tx.manager.query(`SELECT id, title FROM article WHERE id = $1`, [input.articleId]);
      return { id: article.id, title: article.title, snippet: '' };
    });
  }

  /** "Open the ticket": from the draft, with the guide's answers, at the service's owning tier. */
  async open(actorRef: ActorRef, raw: unknown): Promise<LocatedTicket> {
    const input = parseInput(draftOpenSchema, raw);
    return transaction(this.ctx, async (tx) => {
      const draft = await lockOwnUndecided(tx, actorRef, input.draftId);
      const actor = await resolvePerson(tx.manager, actorRef);
      const service = draft.service_id === null ? null : await findService(tx.manager, draft.service_id);
      // The draft stays: refused by a limit, it is offered again later.
      await assertMayOpen(tx, actor);
      const ticket = await openInTx(tx, actor, actor, {
        title: draft.title,
        description: descriptionWithAnswers(draft.description, draft.answers, DESCRIPTION_MAX),
        type: draft.type,
        impact: draft.impact,
        urgency: draft.urgency,
        platform: draft.platform,
        location: input.location,
        followUpOfId: null,
        serviceId: draft.service_id,
        tier: service?.owningTier ?? 1,
      });
      await tx.manager.query(
        `UPDATE ticket_draft SET outcome = 'opened', ticket_id = $2, decided_at = $3 WHERE id = $1`,
        [draft.id, ticket.id, tx.now],
      );
      return ticket;
    });
  }

  /** The person's latest undecided form of the last day, to come back to. */
  async waiting(actorRef: ActorRef): Promise<Draft | null> {
    return transaction(this.ctx, async (tx) => {
      const actor = await resolvePerson(tx.manager, actorRef);
      const [row] = await tx.manager.query(
        `SELECT * FROM ticket_draft WHERE person_id = $1 AND outcome IS NULL AND expires_at > $2 ORDER BY created_at DESC LIMIT 1`,
        [actor.id, tx.now],
      );
      return row ? toDraft(tx, row) : null;
    });
  }

  /** One of the person's own forms, decided or not (to show it again). */
  async draft(actorRef: ActorRef, raw: unknown): Promise<Draft> {
    const input = parseInput(draftRefSchema, raw);
    return transaction(this.ctx, async (tx) => {
      const actor = await resolvePerson(tx.manager, actorRef);
      const [row] = await tx.manager.query(`SELECT * FROM ticket_draft WHERE id = $1 AND person_id = $2`, [
        input.draftId,
        actor.id,
      ]);
      if (!row) throw new NotFoundError(msg('refusals.formUnknown'));
      return toDraft(tx, row);
    });
  }
}

interface DraftRow {
  id: string;
  person_id: number;
  platform: Platform;
  service_id: number | null;
  title: string;
  description: string;
  type: TicketType;
  impact: Impact | null;
  urgency: Urgency | null;
  answers: Array<{ question: string; answer: string }>;
  suggested_article_ids: number[];
  outcome: string | null;
  ticket_id: number | null;
  created_at: Date;
}

async function lockOwnUndecided(tx: Tx, actorRef: ActorRef, draftId: string): Promise<DraftRow> {
  const actor = await resolvePerson(tx.manager, actorRef);
  const [row]: DraftRow[] = await tx.manager.query(
    `SELECT * FROM ticket_draft WHERE id = $1 AND person_id = $2 FOR UPDATE`,
    [draftId, actor.id],
  );
  if (!row) throw new NotFoundError(msg('refusals.formUnknown'));
  if (row.outcome === 'opened') {
    const [ticket] = await tx.manager.query(`SELECT number FROM ticket WHERE id = $1`, [row.ticket_id]);
    throw new ConflictError(msg('refusals.formOpened', { number: ticket.number }));
  }
  if (row.outcome)
    throw new ConflictError(msg(row.outcome === 'deflected' ? 'refusals.formDeflected' : 'refusals.formDeclined'));
  return row;
}

/** The start of an article's text, on one line, shown under its title where it is offered. */
const SNIPPET = `left(regexp_replace(a.body, '\\s+', ' ', 'g'), 160)`;

async function toDraft(tx: Tx, row: DraftRow): Promise<Draft> {
  const service = row.service_id === null ? null : await findService(tx.manager, row.service_id);
  const suggested: SuggestedArticle[] = row.suggested_article_ids.length
    ? (
        await tx.manager.query(
          `SELECT a.id, a.title, ${SNIPPET} AS snippet FROM article a WHERE a.id = ANY($1) ORDER BY array_position($1, a.id)`,
          [row.suggested_article_ids],
        )
      ).map((a: { id: number; title: string; snippet: string }) => ({
        id: Number(a.id),
        title: a.title,
        snippet: a.snippet,
      }))
    : [];
  return {
    id: row.id,
    service,
    title: row.title,
    description: row.description,
    type: row.type,
    suggested,
    createdAt: new Date(row.created_at),
  };
}

/**
 * Public articles (never the SLA or catalog) matching any of the report's terms in English or
 * Danish, best first. Any term, not all: a description is many words, an article answers a few.
 * Stop words of either language are left out (see termQueries).
 */
async function suggestArticles(tx: Tx, text: string): Promise<SuggestedArticle[]> {
  const any = anyOf(await termQueries(tx.manager, searchTerms(text, '').slice(0, 24)));
  if (any === null) return [];
  const rows: Array<{ id: number; title: string; snippet: string }> = await tx.manager.query(
    `SELECT a.id, a.title, ${SNIPPET} AS snippet
     FROM article a
     WHERE a.search @@ $1::tsquery AND a.archived_at IS NULL AND a.visibility = 'public' AND a.special IS NULL
     ORDER BY ts_rank_cd(a.search, $1::tsquery) DESC, a.id
     LIMIT $2`,
    [any, SUGGESTED_ARTICLES],
  );
  return rows.map((r) => ({ id: Number(r.id), title: r.title, snippet: r.snippet }));
}
