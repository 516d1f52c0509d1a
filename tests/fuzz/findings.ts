import { Writable } from 'node:stream';
import type { DataSource } from 'typeorm';
import { createLogger, type Logger } from '../../src/log';
import { changedTables, stateFingerprint, storedState, tableNames } from '../helpers/snapshot';

/** The platforms' deadline for a first answer to an interaction. */
export const ANSWER_DEADLINE_MS = 3000;

export type FindingKind = 'crash' | '5xx' | 'slow' | 'change' | 'error';

export interface Finding {
  kind: FindingKind;
  detail: string;
}

/** What one request of a case got: its HTTP status (Slack) and how long its first answer took, if it got one. */
export interface Answer {
  status?: number;
  /** Milliseconds to the first answer; null: no answer at all (a transport error, or an interaction left unanswered). */
  ms: number | null;
  /** Whether the platform waits for an answer (interactions do; Discord's gateway events do not). */
  mustAnswer: boolean;
  what: string;
}

/** Who is staff now and whose each ticket is: an admin's earlier case may have made a customer staff. */
export interface Facts<Who extends string> {
  staff: Set<Who>;
  admins: Set<Who>;
  owners: Map<number, Who>;
}

/** The facts, read from the store: people by their platform user ids (`whoOf` names them). */
export async function readFacts<Who extends string>(
  dataSource: DataSource,
  platform: string,
  whoOf: (userId: string) => Who | undefined,
): Promise<Facts<Who>> {
  const people: Array<{ user_id: string; tier: number | null; is_admin: boolean }> = await dataSource.query(
    `SELECT i.platform_user_id AS user_id, p.tier, p.is_admin FROM identity i JOIN person p ON p.id = i.person_id WHERE i.platform = $1`,
    [platform],
  );
  const tickets: Array<{ number: number; user_id: string }> = await dataSource.query(
    `SELECT t.number, i.platform_user_id AS user_id FROM ticket t JOIN identity i ON i.person_id = t.customer_id AND i.platform = $1`,
    [platform],
  );
  const facts: Facts<Who> = { staff: new Set(), admins: new Set(), owners: new Map() };
  for (const p of people) {
    const who = whoOf(p.user_id);
    if (!who) continue;
    if (p.is_admin || p.tier !== null) facts.staff.add(who);
    if (p.is_admin) facts.admins.add(who);
  }
  for (const t of tickets) {
    const who = whoOf(t.user_id);
    if (who) facts.owners.set(t.number, who);
  }
  return facts;
}

/** A target the fuzz suite drives: one adapter, its world, and how a case is sent to it. */
export interface FuzzTarget<Case> {
  dataSource: DataSource;
  errors: ErrorLog;
  /** Sends the case and resolves once everything it set off has been handled. */
  send(c: Case): Promise<Answer[]>;
  /**
   * What the case may change: `any` for a well-formed request from a person who may do what it
   * asks (then only its answers are checked), else the tables it may touch (none for a refusal,
   * malformed, unsigned, stale or a stranger's request).
   */
  mayChange(c: Case): Promise<'any' | string[]>;
  /**
   * Sends the case again, the same bytes (a replay), if it has one: `strict` when the replay must
   * change nothing more (events, which Slack retries; form submissions).
   */
  replay(c: Case): Promise<{ answers: Answer[]; strict: boolean }>;
}

/** Error-level lines the app logged: each is an internal failure (a person read "Something went wrong"), whatever answer went out. */
export class ErrorLog {
  private lines: string[] = [];
  readonly logger: Logger = createLogger(
    'error',
    new Writable({
      write: (chunk: Buffer, _encoding, done) => {
        const entry = JSON.parse(chunk.toString('utf8')) as { msg?: string; err?: { type?: string; message?: string } };
        this.lines.push(`${entry.msg}${entry.err ? `: ${entry.err.type} ${entry.err.message}` : ''}`);
        done();
      },
    }),
  );

  take(): string[] {
    const lines = this.lines;
    this.lines = [];
    return lines;
  }
}

/**
 * Crashes the process would have had: an unhandled rejection, an uncaught exception, a call to
 * process.exit. Watched while a run is on, then put back as they were.
 */
export class CrashWatch {
  private crashes: string[] = [];
  private readonly onRejection = (reason: unknown) => this.crashes.push(`unhandled rejection: ${describe(reason)}`);
  private readonly onException = (error: unknown) => this.crashes.push(`uncaught exception: ${describe(error)}`);
  private realExit: typeof process.exit | undefined;

  start(): this {
    process.on('unhandledRejection', this.onRejection);
    process.on('uncaughtException', this.onException);
    this.realExit = process.exit;
    process.exit = ((code?: number) => {
      this.crashes.push(`process.exit(${code ?? ''})`);
    }) as typeof process.exit;
    return this;
  }

  stop(): void {
    process.off('unhandledRejection', this.onRejection);
    process.off('uncaughtException', this.onException);
    if (this.realExit) process.exit = this.realExit;
  }

  take(): string[] {
    const crashes = this.crashes;
    this.crashes = [];
    return crashes;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/**
 * Runs one case and says what went wrong with it: a crash, a 5xx, an answer later than the
 * deadline (or none), an internal error logged, or a change in any table where none may be (a
 * case its person may not do, or the replay of any case).
 */
export async function checkCase<Case>(target: FuzzTarget<Case>, crashes: CrashWatch, c: Case): Promise<Finding[]> {
  const tables = await tableNamesOf(target.dataSource);
  const allowed = await target.mayChange(c);
  const before = allowed === 'any' ? null : await stateFingerprint(target.dataSource, tables);
  // FUZZ_DIFF=1: the rows a forbidden change added or removed, to see what it was (slow: every table read twice).
  const rowsBefore = before && process.env.FUZZ_DIFF ? await storedState(target.dataSource) : null;
  const answers = await target.send(c);
  const afterCase = await stateFingerprint(target.dataSource, tables);
  const findings: Finding[] = [];
  if (before && allowed !== 'any') {
    const changed = changedTables(before, afterCase).filter((t) => !allowed.includes(t));
    if (changed.length > 0) findings.push({ kind: 'change', detail: `changed ${changed.join(', ')}` });
    if (changed.length > 0 && rowsBefore) {
      const rowsAfter = await storedState(target.dataSource);
      for (const table of changed) {
        const was = new Set(rowsBefore[table].map((r) => JSON.stringify(r)));
        const is = new Set(rowsAfter[table].map((r) => JSON.stringify(r)));
        const added = [...is].filter((r) => !was.has(r));
        const removed = [...was].filter((r) => !is.has(r));
        console.log(`${table}: +${added.join('\n  +')}\n  -${removed.join('\n  -')}`.slice(0, 3000));
      }
    }
  }
  const replay = await target.replay(c);
  const replayed = replay.answers;
  if (replay.strict && replayed.length > 0) {
    const changed = changedTables(afterCase, await stateFingerprint(target.dataSource, tables));
    if (changed.length > 0) findings.push({ kind: 'change', detail: `the replay changed ${changed.join(', ')}` });
  }
  for (const answer of [...answers, ...replayed]) {
    if (answer.status !== undefined && answer.status >= 500)
      findings.push({ kind: '5xx', detail: `${answer.what}: HTTP ${answer.status}` });
    if (answer.mustAnswer && answer.ms === null) findings.push({ kind: 'slow', detail: `${answer.what}: no answer` });
    else if (answer.mustAnswer && answer.ms !== null && answer.ms > ANSWER_DEADLINE_MS)
      findings.push({ kind: 'slow', detail: `${answer.what}: answered after ${Math.round(answer.ms)} ms` });
  }
  for (const line of target.errors.take()) findings.push({ kind: 'error', detail: line });
  for (const line of crashes.take()) findings.push({ kind: 'crash', detail: line });
  return findings;
}

const tablesOf = new WeakMap<DataSource, Promise<string[]>>();
function tableNamesOf(dataSource: DataSource): Promise<string[]> {
  if (!tablesOf.has(dataSource)) tablesOf.set(dataSource, tableNames(dataSource));
  return tablesOf.get(dataSource)!;
}
