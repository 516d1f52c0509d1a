import { AckFirst } from '../../src/bots/slack/ack-first';

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
});
