/** Waits (briefly, for real) until `check` returns a truthy value, and returns it. */
export async function eventually<T>(
  check: () => Promise<T | undefined | null | false> | T | undefined | null | false,
  timeoutMs = 10_000,
  what = 'the condition',
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > until) throw new Error(`${what} did not happen within ${timeoutMs} ms`);
    await pause();
  }
}

/** Waits (briefly, for real) until an asserting `check` stops throwing; a timeout reports its last failure. */
export async function eventuallyPasses(check: () => Promise<unknown> | unknown, timeoutMs = 5_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > until) throw error;
      await pause();
    }
  }
}

const pause = () => new Promise((resolve) => setTimeout(resolve, 20));
