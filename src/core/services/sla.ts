import { msg } from '../rules/messages';
import type { DataSource, EntityManager } from 'typeorm';
import { InvalidInputError, problemOf } from '../errors';
import type { Priority } from '../model';
import { authorize } from '../rules/authorization';
import { checkCalendar, parseBusinessHours, type BusinessCalendar } from '../rules/business-hours';
import { slaArticle } from '../rules/sla-article';
import { checkPolicy, DEFAULT_SLA_POLICY, parseDuration, type SlaPolicy, type SlaSetup } from '../rules/sla';
import { parseInput, slaHolidaySchema, slaHoursSchema, slaTargetSchema } from '../schemas';
import { transaction, type ServiceContext, type Tx } from './context';
import { writeGeneratedArticle } from './knowledge';
import { resolvePerson, type ActorRef } from './people';
import { recheckRunningClocks } from './ticket-bookkeeping';

/**
 * The SLA policy (targets per priority) and business hours: read by every change that moves a
 * clock, so kept in memory for a few seconds. An edit on this instance is seen at once; another
 * instance sees it within CACHE_MS, and its due times are brought up to date by the next sweep.
 */
const CACHE_MS = 5000;
const cached = new WeakMap<DataSource, { setup: SlaSetup; loadedAt: number }>();

export async function slaSetupFor(tx: Pick<Tx, 'manager' | 'ctx'>): Promise<SlaSetup> {
  const hit = cached.get(tx.ctx.dataSource);
  if (hit && Date.now() - hit.loadedAt < CACHE_MS) return hit.setup;
  const setup = await loadSlaSetup(tx.manager);
  cached.set(tx.ctx.dataSource, { setup, loadedAt: Date.now() });
  return setup;
}

export async function loadSlaSetup(manager: EntityManager): Promise<SlaSetup> {
  const targets: Array<{ priority: Priority; first_response_minutes: number; resolution_minutes: number }> =
    await manager.query(`SELECT priority, first_response_minutes, resolution_minutes FROM sla_target`);
  const policy: SlaPolicy = { ...DEFAULT_SLA_POLICY };
  for (const row of targets)
    policy[row.priority] = {
      firstResponseMinutes: row.first_response_minutes,
      resolutionMinutes: row.resolution_minutes,
    };
  const [calendar] = await manager.query(`SELECT time_zone, hours, holidays FROM business_calendar`);
  return {
    policy,
    calendar: calendar ? { timeZone: calendar.time_zone, hours: calendar.hours, holidays: calendar.holidays } : null,
  };
}

/** Admins' `/helpdesk sla …`: show and change the targets, the business hours and the holidays. */
export class SlaService {
  constructor(private readonly ctx: ServiceContext) {}

  async show(actorRef: ActorRef): Promise<SlaSetup> {
    return transaction(this.ctx, async (tx) => {
      authorize(await resolvePerson(tx.manager, actorRef), 'sla.manage');
      return loadSlaSetup(tx.manager);
    });
  }

  /** `/helpdesk sla set P1 1h 4h`: one priority's targets (either may be left as it is). */
  async setTargets(actorRef: ActorRef, raw: unknown): Promise<SlaSetup> {
    const input = parseInput(slaTargetSchema, raw);
    return this.change(actorRef, async (tx, setup, actorId) => {
      const current = setup.policy[input.priority];
      const minutes = (field: 'firstResponse' | 'resolution', text: string | undefined, fallback: number) => {
        if (text === undefined) return fallback;
        const value = parseDuration(text);
        if (value === null)
          throw new InvalidInputError([{ field, ...problemOf(msg('refusals.notADuration', { text })) }]);
        return value;
      };
      const next = {
        firstResponseMinutes: minutes('firstResponse', input.firstResponse, current.firstResponseMinutes),
        resolutionMinutes: minutes('resolution', input.resolution, current.resolutionMinutes),
      };
      const problems = checkPolicy({ ...setup.policy, [input.priority]: next });
      if (problems.length > 0)
        throw new InvalidInputError(problems.map((problem) => ({ field: 'resolution', ...problemOf(problem) })));
      await tx.manager.query(
        `UPDATE sla_target SET first_response_minutes = $2, resolution_minutes = $3, updated_at = $4, updated_by_id = $5 WHERE priority = $1`,
        [input.priority, next.firstResponseMinutes, next.resolutionMinutes, tx.now, actorId],
      );
      return { ...setup, policy: { ...setup.policy, [input.priority]: next } };
    });
  }

  /** `/helpdesk sla hours Mon-Fri 08:00-16:00 Europe/Copenhagen`, or `off` for 24×7. */
  async setHours(actorRef: ActorRef, raw: unknown): Promise<SlaSetup> {
    const input = parseInput(slaHoursSchema, raw);
    return this.change(actorRef, async (tx, setup, actorId) => {
      if (input.hours.trim().toLowerCase() === 'off') {
        await tx.manager.query(`DELETE FROM business_calendar`);
        return { ...setup, calendar: null };
      }
      const calendar = parseBusinessHours(input.hours, setup.calendar?.holidays ?? []);
      await saveCalendar(tx, calendar, actorId);
      return { ...setup, calendar };
    });
  }

  /** `/helpdesk sla holiday add|remove 2026-12-24`: days the clock stands still (business hours only). */
  async holiday(actorRef: ActorRef, raw: unknown): Promise<SlaSetup> {
    const input = parseInput(slaHolidaySchema, raw);
    return this.change(actorRef, async (tx, setup, actorId) => {
      if (!setup.calendar) {
        throw new InvalidInputError([{ field: 'date', ...problemOf(msg('refusals.clockAllDay')) }]);
      }
      const holidays =
        input.action === 'add'
          ? [...setup.calendar.holidays, input.date]
          : setup.calendar.holidays.filter((d) => d !== input.date);
      const calendar = checkCalendar({ ...setup.calendar, holidays });
      await saveCalendar(tx, calendar, actorId);
      return { ...setup, calendar };
    });
  }

  /** Writes the SLA article from the policy as it stands (at start-up, and after every change). */
  async publishArticle(): Promise<void> {
    await transaction(this.ctx, async (tx) => {
      const setup = await loadSlaSetup(tx.manager);
      await writeGeneratedArticle(tx, 'sla', (language) => slaArticle(setup, language), null);
    });
  }

  /**
   * Every change: authorise, apply, regenerate the SLA article in the same transaction (so the two
   * cannot disagree), and ask the sweep to bring running clocks up to the new policy.
   */
  private async change(
    actorRef: ActorRef,
    apply: (tx: Tx, setup: SlaSetup, actorId: number) => Promise<SlaSetup>,
  ): Promise<SlaSetup> {
    const setup = await transaction(this.ctx, async (tx) => {
      const actor = await resolvePerson(tx.manager, actorRef);
      authorize(actor, 'sla.manage');
      // One admin's change at a time: each starts from the one before.
      await tx.manager.query(`SELECT priority FROM sla_target ORDER BY priority FOR UPDATE`);
      const next = await apply(tx, await loadSlaSetup(tx.manager), actor.id);
      await writeGeneratedArticle(tx, 'sla', (language) => slaArticle(next, language), actor.id);
      await recheckRunningClocks(tx);
      return next;
    });
    cached.delete(this.ctx.dataSource);
    return setup;
  }
}

async function saveCalendar(tx: Tx, calendar: BusinessCalendar, actorId: number): Promise<void> {
  await tx.manager.query(
    `INSERT INTO business_calendar (id, time_zone, hours, holidays, updated_at, updated_by_id) VALUES (true, $1, $2, $3, $4, $5)
     ON CONFLICT (id) DO UPDATE SET time_zone = $1, hours = $2, holidays = $3, updated_at = $4, updated_by_id = $5`,
    [calendar.timeZone, JSON.stringify(calendar.hours), JSON.stringify(calendar.holidays), tx.now, actorId],
  );
}
