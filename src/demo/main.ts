import { runDemo, type RunningDemo } from './run';

/**
 * `npm run demo [-- --fast]`: plays the demo, then keeps the helpdesk running until Ctrl-C, when
 * everything stops and the temporary folder is removed. No settings are read: it needs none.
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const unknown = args.filter((a) => a !== '--fast');
  if (unknown.length > 0) {
    console.error(`Unknown option ${unknown.join(' ')}. Usage: npm run demo [-- --fast]`);
    process.exit(2);
  }
  const port = process.env.PORT ? Number(process.env.PORT) : undefined;
  const playing = new AbortController();
  let demo: RunningDemo | undefined;
  let stopping = false;
  const shutdown = () => {
    if (stopping) process.exit(1); // a second Ctrl-C: now
    if (!demo) {
      // Still playing: the play ends at its next step, then everything stops below.
      playing.abort();
      return;
    }
    stopping = true;
    process.stdout.write('\nStopping the demo…\n');
    setTimeout(() => process.exit(1), 15_000).unref();
    const failed = Boolean(demo.failure);
    demo.stop().then(
      () => process.exit(failed ? 1 : 0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  // `npm run demo | head`: the reader has gone. Stop as on Ctrl-C (the folder is removed); later
  // writes to the closed pipe fail the same way and are let go.
  let readerGone = false;
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    if (readerGone) return;
    readerGone = true;
    shutdown();
  });
  demo = await runDemo({ fast: args.includes('--fast'), output: process.stdout, port, signal: playing.signal });
  if (playing.signal.aborted) shutdown();
}

main().catch((error: unknown) => {
  console.error(`The demo could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
