import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { DispatchResult } from '../../src/delivery/dispatcher';
import { freshDatabase, type TestDatabase } from '../helpers/database';
import { deliveryRows, eventually, idsByDestination, queueDeliveries, urlOf } from './support';

/**
 * A dispatcher process killed with SIGKILL in the middle of a batch, then started again: nothing
 * is lost, and what went out twice is reported. Real processes need a database several processes
 * can open, so this runs on PostgreSQL only (a PGlite folder belongs to one process).
 */
const onPostgres = process.env.TEST_DATABASE_URL ? describe : describe.skip;

const CHILD = path.join(__dirname, 'child', 'dispatcher-process.ts');
const SWC_REGISTER = path.join(__dirname, 'child', 'swc-register.js');
const LEASE_MS = 3000;
/** The receiver answers each send this late, so several sends are always in flight. */
const ANSWER_DELAY_MS = 30;

interface Receipt {
  id: number;
  destination: string;
  instance: string;
  resend: boolean;
}

onPostgres('a dispatcher process killed mid-batch [postgres]', () => {
  let db: TestDatabase;
  let receiver: http.Server;
  let receiverUrl: string;
  const receipts: Receipt[] = [];
  let onReceipt: (receipt: Receipt) => void = () => undefined;
  const children: ChildProcess[] = [];

  beforeAll(async () => {
    db = await freshDatabase('postgres');
    receiver = http.createServer((request, response) => {
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        // The platform has the message from this moment on, whether or not the answer gets back.
        const receipt = JSON.parse(body) as Receipt;
        receipts.push(receipt);
        onReceipt(receipt);
        setTimeout(() => response.end('{}'), ANSWER_DELAY_MS);
      });
    });
    receiver.listen(0, '127.0.0.1');
    await once(receiver, 'listening');
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/send`;
  });
  afterAll(async () => {
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    receiver?.closeAllConnections();
    await new Promise((resolve) => receiver?.close(resolve));
    await db?.close();
  });

  function startDispatcherProcess(instance: string, clockOffsetMs: number): { child: ChildProcess; lines: string[] } {
    const child = spawn(process.execPath, ['-r', SWC_REGISTER, CHILD], {
      cwd: path.resolve(__dirname, '../..'),
      env: {
        ...process.env,
        DATABASE_URL: urlOf(db.dataSource),
        RECEIVER_URL: receiverUrl,
        INSTANCE_ID: instance,
        LEASE_MS: String(LEASE_MS),
        CLOCK_OFFSET_MS: String(clockOffsetMs),
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    children.push(child);
    const lines: string[] = [];
    let pending = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      pending += chunk.toString();
      const parts = pending.split('\n');
      pending = parts.pop()!;
      lines.push(...parts);
    });
    return { child, lines };
  }

  test('nothing is lost, each destination stays in order, and the sends made twice are reported', async () => {
    await queueDeliveries(db.dataSource, { destinations: 20, perDestination: 10, now: new Date(), prefix: 'ticket:' });
    const total = 200;

    const first = startDispatcherProcess('first', 0);
    const killedAt = new Promise<number>((resolve) => {
      onReceipt = () => {
        if (receipts.length < 40) return;
        // Mid-batch: this send (and those beside it) reached the platform, but no answer ever will.
        first.child.kill('SIGKILL');
        onReceipt = () => undefined;
        resolve(receipts.length);
      };
    });
    const receivedBeforeKill = await killedAt;
    const [, signal] = await once(first.child, 'exit');
    expect(signal).toBe('SIGKILL');
    const unsettled = (await deliveryRows(db.dataSource)).filter((r) => r.status === 'sending');
    expect(unsettled.length).toBeGreaterThan(0);

    // Restarted with its clock past the dead process's leases, as if it came back after a while.
    const second = startDispatcherProcess('second', LEASE_MS + 500);
    await eventually(async () => {
      const [{ left }] = await db.dataSource.query(`SELECT count(*)::int AS left FROM delivery WHERE status <> 'sent'`);
      return left === 0;
    }, 30_000);
    second.child.kill('SIGTERM');
    await once(second.child, 'exit');
    const totals = second.lines.map((l) => JSON.parse(l) as { totals?: DispatchResult }).find((l) => l.totals)!.totals!;

    const rows = await deliveryRows(db.dataSource);
    expect(rows).toHaveLength(total);
    expect(rows.every((r) => r.status === 'sent')).toBe(true);
    const distinct = new Set(receipts.map((r) => r.id));
    expect(distinct.size).toBe(total);
    const sentTwice = receipts.length - distinct.size;
    // Only a claim whose lease ran out is sent again, and the restarted process counted each.
    expect(sentTwice).toBeGreaterThan(0);
    expect(sentTwice).toBeLessThanOrEqual(totals.resent);
    expect(totals.resent).toBe(unsettled.length);
    expect(receipts.filter((r) => r.resend).length).toBe(totals.resent);
    // Per destination, arrivals never go back: a repeat comes right after the original, before the next.
    for (const [destination, ids] of idsByDestination(receipts)) {
      expect({ destination, ids }).toEqual({ destination, ids: [...ids].sort((a, b) => a - b) });
    }
    console.log(
      `dispatcher killed with SIGKILL after ${receivedBeforeKill} of ${total} sends: ${unsettled.length} claims were left unsettled, ` +
        `the restarted dispatcher reported ${totals.resent} resends, and ${sentTwice} deliveries reached the platform twice; none was lost`,
    );
  });
});
