import fs from 'node:fs';

/**
 * A process's memory as Linux counts it, read from /proc: what a server's limit or the OOM killer
 * sees, whichever threads, heaps or WebAssembly instances hold it.
 */

const MB = 1024 * 1024;

/** A `VmXXX:  1234 kB` figure of /proc/PID/status, in MB. */
function statusFigure(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  if (!match) throw new Error(`/proc/${pid}/status has no ${field}`);
  return (Number(match[1]) * 1024) / MB;
}

/** Resident memory now (MB). */
export const residentMb = (pid: number) => statusFigure(pid, 'VmRSS');

/** The most resident memory since start, or since the last resetPeak (MB). */
export const peakResidentMb = (pid: number) => statusFigure(pid, 'VmHWM');

/** Starts the kernel's peak count afresh (writing 5 to clear_refs); false where that is not allowed. */
export function resetPeak(pid: number): boolean {
  try {
    fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

/** The process's children, from /proc (each thread lists the children it started). */
function childrenOf(pid: number): number[] {
  const children: number[] = [];
  for (const thread of fs.readdirSync(`/proc/${pid}/task`)) {
    const list = fs.readFileSync(`/proc/${pid}/task/${thread}/children`, 'utf8').trim();
    if (list) children.push(...list.split(/\s+/).map(Number));
  }
  return children;
}

/** Resident memory of the process and every process under it (MB): a helper process's memory counts on the same machine. */
export function treeResidentMb(pid: number): number {
  let total = residentMb(pid);
  for (const child of childrenOf(pid)) {
    try {
      total += treeResidentMb(child);
    } catch {
      // it exited meanwhile
    }
  }
  return total;
}

/**
 * Samples the resident memory every `everyMs` until stopped: the peak between two points of a
 * run, kept also where the kernel's own peak cannot be reset.
 */
export function sampleResident(
  pid: number,
  everyMs = 50,
  measure: (pid: number) => number = residentMb,
): { stop(): { maxMb: number; samples: number } } {
  let maxMb = 0;
  let samples = 0;
  const take = () => {
    try {
      maxMb = Math.max(maxMb, measure(pid));
      samples++;
    } catch {
      // the process is gone: the samples so far stand
    }
  };
  take();
  const timer = setInterval(take, everyMs);
  return {
    stop() {
      clearInterval(timer);
      take();
      return { maxMb, samples };
    },
  };
}

/** Where the resident memory lies, by kind of mapping (MB). */
export interface ResidentBreakdown {
  total: number;
  /** Resident pages of WebAssembly memories (PGlite's heap: PostgreSQL's shared buffers, caches, work memory). */
  wasmMemory: number;
  /** Every other private anonymous mapping: V8 heaps of each thread, malloc arenas, compiled code. */
  otherAnonymous: number;
  /** Mapped files (the node binary, shared libraries) and the brk heap. */
  filesAndBrk: number;
}

/** At least this much address space behind a read-write mapping marks a WebAssembly memory: V8 reserves it with guard pages. */
const WASM_RESERVATION = 8 * 1024 ** 3;

/**
 * Splits a process's resident memory by mapping. V8 gives each 32-bit WebAssembly memory a
 * reservation of 8 GiB or more: its committed part (read-write) directly followed by inaccessible
 * pages. That pattern identifies the memory from outside, so the figure is the kernel's own, not
 * an estimate from inside.
 */
export function residentBreakdown(pid: number): ResidentBreakdown {
  const mappings: Array<{ start: bigint; end: bigint; perms: string; named: boolean; rssKb: number }> = [];
  for (const line of fs.readFileSync(`/proc/${pid}/smaps`, 'utf8').split('\n')) {
    const header = /^([0-9a-f]+)-([0-9a-f]+) (\S+) \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (header) {
      mappings.push({
        start: BigInt(`0x${header[1]}`),
        end: BigInt(`0x${header[2]}`),
        perms: header[3],
        named: header[4] !== '',
        rssKb: 0,
      });
      continue;
    }
    const rss = /^Rss:\s+(\d+) kB/.exec(line);
    if (rss && mappings.length > 0) mappings[mappings.length - 1].rssKb = Number(rss[1]);
  }
  let wasmKb = 0;
  let anonymousKb = 0;
  let namedKb = 0;
  mappings.forEach((m, i) => {
    if (m.named) {
      namedKb += m.rssKb;
      return;
    }
    let reservedTo = m.end;
    for (let j = i + 1; j < mappings.length; j++) {
      const next = mappings[j];
      if (next.start !== reservedTo || next.perms !== '---p' || next.named) break;
      reservedTo = next.end;
    }
    if (m.perms === 'rw-p' && reservedTo - m.start >= BigInt(WASM_RESERVATION)) wasmKb += m.rssKb;
    else anonymousKb += m.rssKb;
  });
  const mb = (kb: number) => (kb * 1024) / MB;
  return {
    total: mb(wasmKb + anonymousKb + namedKb),
    wasmMemory: mb(wasmKb),
    otherAnonymous: mb(anonymousKb),
    filesAndBrk: mb(namedKb),
  };
}
