import { Lease } from '../../src/db/lease';
import { describeEachDatabase } from '../helpers/database';

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describeEachDatabase('a lease one instance holds at a time', (ctx) => {
  test('the first taker holds it and renews it; another gets it once it runs out or is released', async () => {
    const a = new Lease(ctx().dataSource, 'gateway-test', 'instance-a', 300);
    const b = new Lease(ctx().dataSource, 'gateway-test', 'instance-b', 300);
    expect(await a.acquire()).toBe(true);
    expect(await b.acquire()).toBe(false);
    expect(await a.acquire()).toBe(true); // renewal
    expect(await a.currentHolder()).toBe('instance-a');
    // The lease's expiry is the database's own clock, so this waits for real, briefly.
    await wait(450);
    expect(await b.acquire()).toBe(true);
    expect(await a.acquire()).toBe(false);
    await b.release();
    expect(await a.acquire()).toBe(true);
    await a.release();
    expect(await a.currentHolder()).toBeNull();
  });
});
