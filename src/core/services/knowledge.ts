import { msg } from '../rules/messages';
import { z } from 'zod';
import type { ArticleVisibility, SpecialArticle } from '../../db/entities/article';
import { ConflictError, NotFoundError } from '../errors';
import type { Person } from '../model';
import { authorize, decide } from '../rules/authorization';
import {
  articleEditSchema,
  articleIdSchema,
  articleSchema,
  markSpecialSchema,
  parseInput,
  searchSchema,
} from '../schemas';
import { DEFAULT_LANGUAGE, LANGUAGES, languageOf, type Language } from '../texts';
import { transaction, type ServiceContext, type Tx } from './context';
import { resolvePerson, type ActorRef } from './people';

export interface Article {
  id: number;
  title: string;
  body: string;
  tags: string[];
  visibility: ArticleVisibility;
  special: SpecialArticle | null;
  /** Set when the article was deleted: it is kept, but only staff still see it. */
  archivedAt: Date | null;
  createdById: number | null;
  updatedById: number | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface ArticleWithRevisions extends Article {
  revisionCount: number;
}

export interface ArticleRevision {
  id: number;
  articleId: number;
  title: string;
  body: string;
  tags: string[];
  visibility: ArticleVisibility;
  editedById: number | null;
  createdAt: Date;
}

export interface ArticleHit {
  id: number;
  title: string;
  snippet: string;
  visibility: ArticleVisibility;
  special: SpecialArticle | null;
  rank: number;
}

export const SEARCH_LIMIT = 10;
const SNIPPET_MAX = 200;
/** One key for every special mark, so two admins moving a mark at once take turns instead of failing on the unique key. */
const SPECIAL_LOCK_KEY = 7_340_101;

const listSchema = z.object({ limit: z.coerce.number().int().min(1).max(50).default(10) }).default({ limit: 10 });

const COLUMNS = `id, title, body, tags, visibility, special, archived_at, created_by_id, updated_by_id, created_at, updated_at`;
/** What a customer may read: public articles, and the SLA and catalog whatever their visibility. */
const CUSTOMER_READABLE = `(visibility = 'public' OR special IS NOT NULL)`;

/** The knowledge base: articles with revisions, archive on delete, the SLA and catalog marks. */
export class KnowledgeService {
  constructor(private readonly ctx: ServiceContext) {}

  async create(actorRef: ActorRef, raw: unknown): Promise<Article> {
    const input = parseInput(articleSchema, raw);
    return transaction(this.ctx, async (tx) => {
      const actor = await resolvePerson(tx.manager, actorRef);
      authorize(actor, 'kb.write');
      const [row] = await tx.manager.query(
        `INSERT INTO article (title, body, tags, visibility, created_by_id, updated_by_id, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $5, $6, $6) RETURNING ${COLUMNS}`,
        [input.title, input.body, input.tags, input.visibility, actor.id, tx.now],
      );
      const article = toArticle(row);
      await addRevision(tx, article, actor.id);
      return article;
    });
  }

  /** Changes only the fields given; every change is a new revision, so earlier text stays readable. */
  async edit(actorRef: ActorRef, raw: unknown): Promise<Article> {
    const input = parseInput(articleEditSchema, raw);
    return transaction(this.ctx, async (tx) => {
      const actor = await resolvePerson(tx.manager, actorRef);
      authorize(actor, 'kb.write');
      const current = await lockArticle(tx, input.id);
      if (current.archivedAt) throw new ConflictError(msg('refusals.articleArchived', { id: current.id }));
      await refuseGenerated(tx, current.id, current.special);
      const next = {
        title: input.title ?? current.title,
        body: input.body ?? current.body,
        tags: input.tags ?? current.tags,
        visibility: input.visibility ?? current.visibility,
      };
      const unchanged =
        next.title === current.title &&
        next.body === current.body &&
        next.visibility === current.visibility &&
        next.tags.join('\u0000') === current.tags.join('\u0000');
      // A form submitted without changes is not a new version.
      if (unchanged) return current;
      const row = await updateArticle(
        tx,
        `UPDATE article SET title = $2, body = $3, tags = $4, visibility = $5, updated_by_id = $6, updated_at = $7
         WHERE id = $1 RETURNING ${COLUMNS}`,
        [current.id, next.title, next.body, next.tags, next.visibility, actor.id, tx.now],
      );
      const article = toArticle(row);
      await addRevision(tx, article, actor.id);
      return article;
    });
  }

  /** Delete is archive: the article and its revisions stay for staff; customers and search lose it. */
  async archive(actorRef: ActorRef, raw: unknown): Promise<Article> {
    const input = parseInput(articleIdSchema, raw);
    return transaction(this.ctx, async (tx) => {
      const actor = await resolvePerson(tx.manager, actorRef);
      authorize(actor, 'kb.write');
      const current = await lockArticle(tx, input.id);
      if (current.archivedAt) throw new ConflictError(msg('refusals.articleAlreadyArchived', { id: current.id }));
      // Customers must always find the SLA and the catalog; only an admin moves those marks.
      if (current.special) {
        throw new ConflictError(msg(`refusals.specialArticle.${current.special}`, { id: current.id }));
      }
      const row = await updateArticle(
        tx,
        `UPDATE article SET archived_at = $2, updated_by_id = $3, updated_at = $2 WHERE id = $1 RETURNING ${COLUMNS}`,
        [current.id, tx.now, actor.id],
      );
      return toArticle(row);
    });
  }

  async read(actorRef: ActorRef, raw: unknown): Promise<ArticleWithRevisions> {
    const input = parseInput(articleIdSchema, raw);
    return transaction(this.ctx, async (tx) => {
      const actor = await resolvePerson(tx.manager, actorRef);
      authorize(actor, 'kb.read_public');
      const article = await findArticle(tx, input.id);
      // To a customer an archived article is gone, whatever it was.
      if (!article || (article.archivedAt && !mayReadStaff(actor))) throw noArticle(input.id);
      // A staff article is, to a customer, as absent as a missing one.
      if (article.visibility !== 'public' && !article.special && !mayReadStaff(actor)) throw noArticle(input.id);
      const [{ count }] = await tx.manager.query(
        `SELECT count(*)::int AS count FROM article_revision WHERE article_id = $1`,
        [article.id],
      );
      // An article the helpdesk writes (the SLA, the catalog) is read in the reader's language.
      const language = languageOf(actor, this.ctx.policy.language, actorRef.locale);
      const translated = article.special ? await translationOf(tx, article.id, language) : null;
      return { ...article, ...translated, revisionCount: count };
    });
  }

  /** Every version of an article, oldest first: staff only, as old versions may have been staff-only. */
  async revisions(actorRef: ActorRef, raw: unknown): Promise<ArticleRevision[]> {
    const input = parseInput(articleIdSchema, raw);
    return transaction(this.ctx, async (tx) => {
      const actor = await resolvePerson(tx.manager, actorRef);
      authorize(actor, 'kb.read_staff');
      if (!(await findArticle(tx, input.id))) throw noArticle(input.id);
      const rows = await tx.manager.query(
        `SELECT id, article_id, title, body, tags, visibility, edited_by_id, created_at
         FROM article_revision WHERE article_id = $1 ORDER BY id`,
        [input.id],
      );
      return rows.map(toRevision);
    });
  }

  /**
   * Full-text search in English and Danish at once (the `search` column holds both stemmings).
   * The snippet is cut around the match in whichever language matched.
   */
  async search(actorRef: ActorRef, raw: unknown): Promise<ArticleHit[]> {
    const input = parseInput(searchSchema, raw);
    return transaction(this.ctx, async (tx) => {
      const actor = await resolvePerson(tx.manager, actorRef);
      authorize(actor, 'kb.read_public');
      const visible = mayReadStaff(actor) ? 'TRUE' : CUSTOMER_READABLE;
      // ts_headline is costly on long bodies, so it runs on the ten hits only.
      const rows = await tx.manager.query(
        `WITH q AS (
           SELECT websearch_to_tsquery('english', $1) AS en, websearch_to_tsquery('danish', $1) AS da
         ), hits AS (
           SELECT a.id, a.title, a.body, a.visibility, a.special, a.updated_at,
                  ts_rank(a.search, q.en || q.da) AS rank, q.en, q.da
           FROM article a, q
           WHERE a.search @@ (q.en || q.da) AND a.archived_at IS NULL AND ${visible}
           ORDER BY rank DESC, a.updated_at DESC, a.id DESC
           LIMIT ${SEARCH_LIMIT}
         )
         SELECT id, title, visibility, special, rank,
                CASE WHEN to_tsvector('english', body) @@ en
                     THEN ts_headline('english', body, en, 'MaxWords=30, MinWords=12, StartSel="", StopSel=""')
                     ELSE ts_headline('danish', body, da, 'MaxWords=30, MinWords=12, StartSel="", StopSel=""')
                END AS snippet
         FROM hits
         ORDER BY rank DESC, updated_at DESC, id DESC`,
        [input.words],
      );
      return rows.map((r: Record<string, unknown>): ArticleHit => ({
        id: Number(r.id),
        title: String(r.title),
        snippet: shorten(String(r.snippet ?? '')),
        visibility: r.visibility as ArticleVisibility,
        special: (r.special as SpecialArticle | null) ?? null,
        rank: Number(r.rank),
      }));
    });
  }

  /** The newest articles this person may read, archived ones left out. */
  async list(actorRef: ActorRef, raw: unknown = {}): Promise<Article[]> {
    const input = parseInput(listSchema, raw);
    return transaction(this.ctx, async (tx) => {
      const actor = await resolvePerson(tx.manager, actorRef);
      authorize(actor, 'kb.read_public');
      const visible = mayReadStaff(actor) ? 'TRUE' : CUSTOMER_READABLE;
      const rows = await tx.manager.query(
        `SELECT ${COLUMNS} FROM article WHERE archived_at IS NULL AND ${visible} ORDER BY updated_at DESC, id DESC LIMIT $1`,
        [input.limit],
      );
      return rows.map(toArticle);
    });
  }

  /** Makes an article the SLA or the catalog article; the article that had the mark loses it. */
  async markSpecial(actorRef: ActorRef, raw: unknown): Promise<Article> {
    const input = parseInput(markSpecialSchema, raw);
    return transaction(this.ctx, async (tx) => {
      const actor = await resolvePerson(tx.manager, actorRef);
      authorize(actor, 'kb.mark_special');
      await refuseGenerated(tx, input.id, input.special);
      await tx.manager.query(`SELECT pg_advisory_xact_lock($1)`, [SPECIAL_LOCK_KEY]);
      const article = await lockArticle(tx, input.id);
      if (article.archivedAt)
        throw new ConflictError(msg(`refusals.archivedNotSpecial.${input.special}`, { id: article.id }));
      if (article.special === input.special) return article;
      // The unique key on `special` is checked row by row, so the old mark goes before the new one lands.
      await tx.manager.query(`UPDATE article SET special = NULL WHERE special = $1`, [input.special]);
      const row = await updateArticle(tx, `UPDATE article SET special = $2 WHERE id = $1 RETURNING ${COLUMNS}`, [
        article.id,
        input.special,
      ]);
      return toArticle(row);
    });
  }
}

/** The SLA article is always generated; the catalog article once the catalog has a service (an admin's mark before that). */
async function refuseGenerated(tx: Tx, id: number, special: SpecialArticle | null): Promise<void> {
  if (!special) return;
  if (special === 'catalog') {
    const [services] = await tx.manager.query(`SELECT EXISTS (SELECT 1 FROM service WHERE archived_at IS NULL) AS any`);
    if (!services.any) return;
  }
  throw new ConflictError(msg(`refusals.generatedArticle.${special}`, { id }));
}

/**
 * Writes a generated special article (creating it the first time, public so customers find it):
 * a new revision only when the text changed, so regenerating with nothing new adds nothing.
 */
export async function writeGeneratedArticle(
  tx: Tx,
  special: SpecialArticle,
  write: (language: Language) => { title: string; body: string },
  editorId: number | null,
): Promise<Article> {
  const article = await writeGeneratedEnglish(tx, special, write(DEFAULT_LANGUAGE), editorId);
  // Every other language's text beside it, rewritten with it (and written on the first start after an upgrade).
  for (const language of LANGUAGES.filter((l) => l !== DEFAULT_LANGUAGE)) {
    const text = write(language);
    await tx.manager.query(
      `INSERT INTO article_translation (article_id, language, title, body) VALUES ($1, $2, $3, $4)
       ON CONFLICT (article_id, language) DO UPDATE SET title = EXCLUDED.title, body = EXCLUDED.body
       WHERE article_translation.title IS DISTINCT FROM EXCLUDED.title OR article_translation.body IS DISTINCT FROM EXCLUDED.body`,
      [article.id, language, text.title, text.body],
    );
  }
  return article;
}

/** A generated article's title and body in `language`, when the helpdesk keeps it in that language. */
async function translationOf(
  tx: Tx,
  articleId: number,
  language: Language,
): Promise<{ title: string; body: string } | null> {
  if (language === DEFAULT_LANGUAGE) return null;
  const [row] = await tx.manager.query(
    `SELECT title, body FROM article_translation WHERE article_id = $1 AND language = $2`,
    [articleId, language],
  );
  return row ? { title: String(row.title), body: String(row.body) } : null;
}

async function writeGeneratedEnglish(
  tx: Tx,
  special: SpecialArticle,
  text: { title: string; body: string },
  editorId: number | null,
): Promise<Article> {
  await tx.manager.query(`SELECT pg_advisory_xact_lock($1)`, [SPECIAL_LOCK_KEY]);
  const [existing] = await tx.manager.query(`SELECT ${COLUMNS} FROM article WHERE special = $1 FOR UPDATE`, [special]);
  let article: Article;
  if (existing) {
    const current = toArticle(existing);
    if (current.title === text.title && current.body === text.body && !current.archivedAt) return current;
    article = toArticle(
      await updateArticle(
        tx,
        `UPDATE article SET title = $2, body = $3, archived_at = NULL, updated_by_id = $4, updated_at = $5 WHERE id = $1 RETURNING ${COLUMNS}`,
        [current.id, text.title, text.body, editorId, tx.now],
      ),
    );
  } else {
    const [row] = await tx.manager.query(
      `INSERT INTO article (title, body, tags, visibility, special, created_by_id, updated_by_id, created_at, updated_at)
       VALUES ($1, $2, $3, 'public', $4, $5, $5, $6, $6) RETURNING ${COLUMNS}`,
      [text.title, text.body, [special], special, editorId, tx.now],
    );
    article = toArticle(row);
  }
  await addRevision(tx, article, editorId);
  return article;
}

function mayReadStaff(actor: Person): boolean {
  return decide(actor, 'kb.read_staff').allowed;
}

function noArticle(id: number): NotFoundError {
  return new NotFoundError(msg('refusals.noArticle', { id }));
}

async function findArticle(tx: Tx, id: number): Promise<Article | null> {
  const [row] = await tx.manager.query(`SELECT ${COLUMNS} FROM article WHERE id = $1`, [id]);
  return row ? toArticle(row) : null;
}

/** Locked so concurrent edits of one article append their revisions one after the other. */
async function lockArticle(tx: Tx, id: number): Promise<Article> {
  const [row] = await tx.manager.query(`SELECT ${COLUMNS} FROM article WHERE id = $1 FOR UPDATE`, [id]);
  if (!row) throw noArticle(id);
  return toArticle(row);
}

/** TypeORM answers an UPDATE with [rows, rowCount] rather than the rows alone. */
async function updateArticle(tx: Tx, sql: string, params: unknown[]): Promise<Record<string, unknown>> {
  const [rows] = (await tx.manager.query(sql, params)) as [Array<Record<string, unknown>>, number];
  return rows[0];
}

async function addRevision(tx: Tx, article: Article, editorId: number | null): Promise<void> {
  await tx.manager.query(
    `INSERT INTO article_revision (article_id, title, body, tags, visibility, edited_by_id, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [article.id, article.title, article.body, article.tags, article.visibility, editorId, tx.now],
  );
}

/** Chat shows a line or two: whitespace folded, cut at a word near the limit. */
function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= SNIPPET_MAX) return flat;
  const cut = flat.slice(0, SNIPPET_MAX - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > SNIPPET_MAX / 2 ? cut.slice(0, space) : cut}…`;
}

function toArticle(row: Record<string, unknown>): Article {
  return {
    id: Number(row.id),
    title: String(row.title),
    body: String(row.body),
    tags: (row.tags as string[] | null) ?? [],
    visibility: row.visibility as ArticleVisibility,
    special: (row.special as SpecialArticle | null) ?? null,
    archivedAt: row.archived_at ? new Date(row.archived_at as string) : null,
    createdById: (row.created_by_id as number | null) ?? null,
    updatedById: (row.updated_by_id as number | null) ?? null,
    createdAt: new Date(row.created_at as string),
    updatedAt: new Date(row.updated_at as string),
  };
}

function toRevision(row: Record<string, unknown>): ArticleRevision {
  return {
    id: Number(row.id),
    articleId: Number(row.article_id),
    title: String(row.title),
    body: String(row.body),
    tags: (row.tags as string[] | null) ?? [],
    visibility: row.visibility as ArticleVisibility,
    editedById: (row.edited_by_id as number | null) ?? null,
    createdAt: new Date(row.created_at as string),
  };
}
