import { msg } from '../rules/messages';
import type { DataSource, EntityManager } from 'typeorm';
import { ConflictError, NotFoundError } from '../errors';
import type { Tier } from '../model';
import { authorize } from '../rules/authorization';
import { catalogArticle, pickService, type Service, type ServicePick } from '../rules/catalog';
import { parseInput, serviceEditSchema, serviceIdSchema, serviceSchema } from '../schemas';
import type { Language } from '../texts';
import { transaction, type ServiceContext, type Tx } from './context';
import { writeGeneratedArticle } from './knowledge';
import { resolvePerson, type ActorRef } from './people';

/**
 * The catalog changes rarely and is read on every `/ticket`, whose first answer must not wait
 * for the database: each process keeps it in memory, reloaded after its own changes at once and
 * after another instance's within REFRESH_MS (the adapters call `refresh` on a timer).
 */
export const CATALOG_REFRESH_MS = 30_000;
interface Snapshot {
  services: Service[];
  catalogArticleId: number | null;
}
const snapshots = new WeakMap<DataSource, Snapshot>();

/** `/helpdesk catalog …`: admins keep the services; the catalog article is written from them. */
export class CatalogService {
  constructor(private readonly ctx: ServiceContext) {}

  /** The services (archived ones left out) as last loaded; empty until the first `refresh`. */
  snapshot(): Service[] {
    return snapshots.get(this.ctx.dataSource)?.services ?? [];
  }

  /** What picking `value` in `/ticket`'s service select leads to, from memory: the guide, a polite no, or the plain form. */
  pick(value: string, language?: Language): ServicePick {
    const snapshot = snapshots.get(this.ctx.dataSource);
    return pickService(snapshot?.services ?? [], value, snapshot?.catalogArticleId ?? null, language);
  }

  async refresh(): Promise<Service[]> {
    const manager = this.ctx.dataSource.manager;
    const services = await loadServices(manager);
    const [article] = await manager.query(`SELECT id FROM article WHERE special = 'catalog' AND archived_at IS NULL`);
    snapshots.set(this.ctx.dataSource, { services, catalogArticleId: article ? Number(article.id) : null });
    return services;
  }

  async add(actorRef: ActorRef, raw: unknown): Promise<Service> {
    const input = parseInput(serviceSchema, raw);
    return this.change(actorRef, async (tx, actorId) => {
      await refuseTakenName(tx, input.name, null);
      const [row] = await tx.manager.query(
        `INSERT INTO service (name, description, covered, owning_tier, checks, questions, created_at, updated_at, updated_by_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $7, $8) RETURNING id`,
        [
          input.name,
          input.description,
          input.covered,
          input.owningTier,
          input.checks,
          input.questions,
          tx.now,
          actorId,
        ],
      );
      return row.id as number;
    });
  }

  /** Changes only the fields given. */
  async edit(actorRef: ActorRef, raw: unknown): Promise<Service> {
    const input = parseInput(serviceEditSchema, raw);
    return this.change(actorRef, async (tx, actorId) => {
      const current = await lockService(tx, input.id);
      if (input.name !== undefined) await refuseTakenName(tx, input.name, current.id);
      const next = {
        ...current,
        ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)),
      } as Service & { owningTier: number };
      await tx.manager.query(
        `UPDATE service SET name = $2, description = $3, covered = $4, owning_tier = $5, checks = $6, questions = $7, updated_at = $8, updated_by_id = $9
         WHERE id = $1`,
        [
          current.id,
          next.name,
          next.description,
          next.covered,
          next.owningTier,
          next.checks,
          next.questions,
          tx.now,
          actorId,
        ],
      );
      return current.id;
    });
  }

  /** Removing archives: tickets keep the service they were opened for. */
  async remove(actorRef: ActorRef, raw: unknown): Promise<Service> {
    const input = parseInput(serviceIdSchema, raw);
    return this.change(actorRef, async (tx, actorId) => {
      const current = await lockService(tx, input.id);
      await tx.manager.query(`UPDATE service SET archived_at = $2, updated_at = $2, updated_by_id = $3 WHERE id = $1`, [
        current.id,
        tx.now,
        actorId,
      ]);
      return current.id;
    });
  }

  /** Writes the catalog article from the catalog (at start-up, once the catalog has services). */
  async publishArticle(): Promise<void> {
    await transaction(this.ctx, async (tx) => {
      const services = await loadServices(tx.manager);
      if (services.length > 0)
        await writeGeneratedArticle(tx, 'catalog', (language) => catalogArticle(services, language), null);
    });
  }

  private async change(actorRef: ActorRef, apply: (tx: Tx, actorId: number) => Promise<number>): Promise<Service> {
    const changed = await transaction(this.ctx, async (tx) => {
      const actor = await resolvePerson(tx.manager, actorRef);
      authorize(actor, 'catalog.manage');
      // One admin's change at a time, each regenerating the article from the one before.
      await tx.manager.query(`LOCK TABLE service IN SHARE ROW EXCLUSIVE MODE`);
      const id = await apply(tx, actor.id);
      const services = await loadServices(tx.manager, true);
      const listed = services.filter((s) => !s.archived);
      await writeGeneratedArticle(tx, 'catalog', (language) => catalogArticle(listed, language), actor.id);
      return services.find((s) => s.id === id)!;
    });
    await this.refresh();
    const { archived: _archived, ...service } = changed;
    return service;
  }
}

type StoredService = Service & { archived: boolean };

async function loadServices(manager: EntityManager): Promise<Service[]>;
async function loadServices(manager: EntityManager, withArchived: true): Promise<StoredService[]>;
async function loadServices(manager: EntityManager, withArchived: false, onlyId: number): Promise<StoredService[]>;
async function loadServices(
  manager: EntityManager,
  withArchived = false,
  onlyId: number | null = null,
): Promise<StoredService[]> {
  const conditions = [withArchived ? null : 'archived_at IS NULL', onlyId === null ? null : 'id = $1'].filter(Boolean);
  const rows: Array<Record<string, unknown>> = await manager.query(
    `SELECT id, name, description, covered, owning_tier, checks, questions, archived_at FROM service
     ${conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : ''} ORDER BY lower(name), id`,
    onlyId === null ? [] : [onlyId],
  );
  return rows.map((r) => ({
    id: Number(r.id),
    name: String(r.name),
    description: String(r.description),
    covered: Boolean(r.covered),
    owningTier: Number(r.owning_tier) as Tier,
    checks: (r.checks as string[]) ?? [],
    questions: (r.questions as string[]) ?? [],
    archived: r.archived_at !== null,
  }));
}

/** One service of the catalog (not archived), read on its own rather than with the whole catalog. */
export async function findService(manager: EntityManager, id: number): Promise<Service | null> {
  const [service] = await loadServices(manager, false, id);
  if (!service) return null;
  const { archived: _archived, ...rest } = service;
  return rest;
}

async function lockService(tx: Tx, id: number): Promise<Service> {
  const [row] = await tx.manager.query(`SELECT id FROM service WHERE id = $1 AND archived_at IS NULL FOR UPDATE`, [id]);
  if (!row) throw new NotFoundError(msg('refusals.noService', { id }));
  return (await findService(tx.manager, id))!;
}

async function refuseTakenName(tx: Tx, name: string, exceptId: number | null): Promise<void> {
  const [taken] = await tx.manager.query(
    `SELECT id FROM service WHERE lower(name) = lower($1) AND archived_at IS NULL AND id IS DISTINCT FROM $2`,
    [name, exceptId],
  );
  if (taken) throw new ConflictError(msg('refusals.serviceNameTaken', { name, id: taken.id }));
}
