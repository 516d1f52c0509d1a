import { AckFirst } from '../../src/bots/ack-first';

/** Follow-up work after an answer waits for the answers of requests already received (Slack's 3 s deadline). */
describe('Slack: answers before follow-up work', () => {
  test('follow-up work waits until every received request is answered and a quiet spell passed', async () => {
    const gate = new AckFirst({ quietMs: 5, maxWaitMs: 5000 });
    const answerFirst = gate.received();
    const answerSecond = gate.received();
    const order: string[] = [];
    const followUp = gate.answered().then(() => order.push('follow-up'));
    await new Promise((r) => setTimeout(r, 20));
    order.push('first answered');
    answerFirst();
    await new Promise((r) => setTimeout(r, 20));
    order.push('second answered');
    answerSecond();
    answerSecond(); // answering twice (finish, then close) counts once
    await followUp;
    expect(order).toEqual(['first answered', 'second answered', 'follow-up']);
  });

  test('a request that is never answered holds follow-up work back only up to the cap', async () => {
    const gate = new AckFirst({ quietMs: 5, maxWaitMs: 50 });
    gate.received();
    const started = performance.now();
    await gate.answered();
    const waited = performance.now() - started;
    expect(waited).toBeGreaterThanOrEqual(45);
    expect(waited).toBeLessThan(1000);
  });

  test('with nothing waiting for an answer, follow-up work goes ahead after the quiet spell', async () => {
    const gate = new AckFirst({ quietMs: 5, maxWaitMs: 5000 });
    gate.received()();
    const started = performance.now();
    await gate.answered();
    expect(performance.now() - started).toBeLessThan(1000);
  });

  test('released follow-ups start one per turn of the event loop, so what arrives meanwhile is handled in between', async () => {
    const gate = new AckFirst({ quietMs: 0, maxWaitMs: 5000 });
    const order: string[] = [];
    const followUps = [1, 2, 3].map((n) => gate.answered().then(() => order.push(`follow-up ${n}`)));
    // An I/O callback that becomes ready meanwhile (here: the next turns' immediates) runs between them.
    const ticks = (async () => {
      for (let i = 0; i < 6; i += 1) {
        await new Promise((r) => setImmediate(r));
        order.push('io');
      }
    })();
    await Promise.all([...followUps, ticks]);
    const starts = order.map((o, i) => (o.startsWith('follow-up') ? i : -1)).filter((i) => i >= 0);
    expect(order.filter((o) => o.startsWith('follow-up'))).toEqual(['follow-up 1', 'follow-up 2', 'follow-up 3']);
    expect(starts[1] - starts[0]).toBeGreaterThan(1);
    expect(starts[2] - starts[1]).toBeGreaterThan(1);
  });
});
