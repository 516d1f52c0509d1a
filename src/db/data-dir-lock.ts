import fs from 'node:fs';
import path from 'node:path';

/**
 * PGlite does not lock its folder, and two processes writing one folder corrupt it. This lock is a
 * file naming the holder's pid and that process's start time: a second live process is refused
 * with a clear error, and a lock left by a killed process (pid gone, or reused by another
 * program, which the start time tells apart) is taken over at once.
 */
export class DataDirLockedError extends Error {
  constructor(dir: string, holderPid: number) {
    super(
      `The data folder ${dir} is in use by another chatdesk process (pid ${holderPid}). ` +
        'Stop that process, or give this one its own DATA_DIR, or set DATABASE_URL to share a PostgreSQL server.',
    );
    this.name = 'DataDirLockedError';
  }
}

interface LockContent {
  pid: number;
  startedAt: string | null;
}

const LOCK_FILE = 'chatdesk.lock';

/** The kernel's start time of a process (clock ticks since boot), or null where /proc is missing. */
function processStartTime(pid: number): string | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces; fields after its closing parenthesis are fixed.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[19] ?? null;
  } catch {
    return null;
  }
}

function isAlive(holder: LockContent): boolean {
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
  }
  if (holder.startedAt === null) return true;
  const current = processStartTime(holder.pid);
  return current === null || current === holder.startedAt;
}

function readLock(file: string): LockContent | null {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as LockContent;
  } catch {
    return null;
  }
}

export interface DataDirLock {
  release(): void;
}

export function lockDataDir(dir: string): DataDirLock {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, LOCK_FILE);
  const mine: LockContent = { pid: process.pid, startedAt: processStartTime(process.pid) };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(mine), { flag: 'wx' });
      return {
        release() {
          const holder = readLock(file);
          if (holder?.pid === process.pid) fs.rmSync(file, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readLock(file);
      if (holder && holder.pid === process.pid) throw new DataDirLockedError(dir, holder.pid);
      if (holder && isAlive(holder)) throw new DataDirLockedError(dir, holder.pid);
      // Stale: left by a process that is gone (or an unreadable half-written file).
      fs.rmSync(file, { force: true });
    }
  }
  throw new Error(`Could not take the lock on ${dir}`);
}
