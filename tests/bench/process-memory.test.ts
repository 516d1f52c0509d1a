import { residentBreakdown, residentMb, treeResidentMb } from '../../bench/process-memory';

// Node has it; the TypeScript libraries this project compiles with (no DOM) do not declare it.
declare const WebAssembly: { Memory: new (descriptor: { initial: number }) => { buffer: ArrayBuffer } };

/** The memory bench reads these from /proc; here they are checked against memory this test makes resident itself. */
describe("the memory bench's reading of /proc", () => {
  test("counts a WebAssembly memory's touched pages as WebAssembly memory, and the parts add up to the whole", () => {
    const before = residentBreakdown(process.pid);
    const memory = new WebAssembly.Memory({ initial: 1024 }); // 64 MiB, of which 48 MiB are touched below
    new Uint8Array(memory.buffer).fill(1, 0, 48 * 1024 * 1024);
    const after = residentBreakdown(process.pid);
    expect(after.wasmMemory - before.wasmMemory).toBeGreaterThanOrEqual(47);
    expect(after.wasmMemory - before.wasmMemory).toBeLessThan(66);
    expect(after.total).toBeCloseTo(after.wasmMemory + after.otherAnonymous + after.filesAndBrk, 6);
    // The split adds up to what the kernel reports for the whole process. The two are read a moment
    // apart while the runtime's own threads (collector, compiler) move memory, so the breakdown is
    // bracketed by a reading before and after, and one agreement in three tries is enough.
    const agrees = () => {
      const first = residentMb(process.pid);
      const total = residentBreakdown(process.pid).total;
      const last = residentMb(process.pid);
      return total > Math.min(first, last) - 16 && total < Math.max(first, last) + 16;
    };
    expect([agrees(), agrees(), agrees()]).toContain(true);
    expect(memory.buffer.byteLength).toBe(64 * 1024 * 1024);
  });

  test("a process tree's memory is at least the process's own", () => {
    expect(treeResidentMb(process.pid)).toBeGreaterThanOrEqual(residentMb(process.pid) - 1);
  });
});
