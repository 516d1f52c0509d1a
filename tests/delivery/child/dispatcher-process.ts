/**
 * A dispatcher as its own process, for the test that kills one with SIGKILL mid-batch. It sends
 * over HTTP to the test's receiver, so what reached "the platform" survives the kill. On SIGTERM it
 * stops cleanly and prints its totals (resends included) as one JSON line.
 *
 * Environment: DATABASE_URL, RECEIVER_URL, INSTANCE_ID, LEASE_MS, and CLOCK_OFFSET_MS, which moves
 * this process's clock ahead so a killed predecessor's leases are already over: no real waiting.
 */
import type { Clock } from '../../../src/core/clock';
import { createDataSource } from '../../../src/db/data-source';
import { Dispatcher } from '../../../src/delivery/dispatcher';
import {
  RateLimitedError,
  TemporaryDeliveryError,
  type OutgoingDelivery,
  type Sender,
  type SendOptions,
} from '../../../src/delivery/sender';
import { createLogger } from '../../../src/log';

const { DATABASE_URL, RECEIVER_URL, INSTANCE_ID = 'child', LEASE_MS = '3000', CLOCK_OFFSET_MS = '0' } = process.env;
const clockOffsetMs = Number(CLOCK_OFFSET_MS);
const clock: Clock = { now: () => new Date(Date.now() + clockOffsetMs) };

class HttpSender implements Sender {
  readonly platform = 'discord' as const;
  async send(delivery: OutgoingDelivery, { signal }: SendOptions): Promise<void> {
    const response = await fetch(RECEIVER_URL!, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        id: delivery.id,
        destination: delivery.destination,
        instance: INSTANCE_ID,
        resend: delivery.resend,
      }),
      signal,
    });
    await response.arrayBuffer();
    if (response.status === 429) throw new RateLimitedError(Number(response.headers.get('retry-after') ?? '1') * 1000);
    if (!response.ok) throw new TemporaryDeliveryError(`HTTP ${response.status}`);
  }
}

async function main(): Promise<void> {
  const dataSource = createDataSource(DATABASE_URL!, 4);
  await dataSource.initialize();
  const dispatcher = new Dispatcher({
    dataSource,
    clock,
    senders: [new HttpSender()],
    instanceId: INSTANCE_ID,
    leaseMs: Number(LEASE_MS),
    batchSize: 8,
    concurrency: 4,
    logger: createLogger('error'),
  });
  dispatcher.start(20);
  process.once('SIGTERM', async () => {
    await dispatcher.stop();
    process.stdout.write(`${JSON.stringify({ totals: dispatcher.totals })}\n`);
    await dataSource.destroy();
    process.exit(0);
  });
  process.stdout.write(`${JSON.stringify({ started: INSTANCE_ID })}\n`);
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
