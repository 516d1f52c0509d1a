import { parentPort } from 'node:worker_threads';
import { FakeSlackWebApi, type SlackCall } from '../src/simulator/slack/web-api';

/**
 * The Slack bench's fake Web API, in a worker thread of its own: Slack's servers do not run on the
 * app's event loop, so their work (parsing calls, answering them) is not charged to the app's
 * response times. Tells the bench when each card is posted in the support channel, and counts the
 * calls by method on request.
 */
export type WebApiWorkerMessage =
  | { kind: 'ready'; url: string }
  | { kind: 'card'; at: number }
  | { kind: 'calls'; byMethod: Record<string, number> }
  | { kind: 'stopped' };

export type WebApiWorkerRequest = { kind: 'calls' } | { kind: 'stop' };

export interface WebApiWorkerData {
  supportChannel: string;
}

async function main(port: NonNullable<typeof parentPort>, data: WebApiWorkerData): Promise<void> {
  const api = await new FakeSlackWebApi().start();
  const byMethod: Record<string, number> = {};
  const push = api.calls.push.bind(api.calls);
  api.calls.push = (...calls: SlackCall[]) => {
    for (const c of calls) {
      byMethod[c.method] = (byMethod[c.method] ?? 0) + 1;
      // Wall-clock milliseconds, comparable across threads (each has its own performance.now origin).
      if (c.method === 'chat.postMessage' && c.args.channel === data.supportChannel && !c.args.thread_ts) {
        port.postMessage({
          kind: 'card',
          at: performance.timeOrigin + performance.now(),
        } satisfies WebApiWorkerMessage);
      }
    }
    return push(...calls);
  };
  port.on('message', async (request: WebApiWorkerRequest) => {
    if (request.kind === 'calls')
      port.postMessage({ kind: 'calls', byMethod: { ...byMethod } } satisfies WebApiWorkerMessage);
    if (request.kind === 'stop') {
      await api.stop();
      port.postMessage({ kind: 'stopped' } satisfies WebApiWorkerMessage);
    }
  });
  port.postMessage({ kind: 'ready', url: api.url } satisfies WebApiWorkerMessage);
}

if (parentPort) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- read only inside the worker, where it is set
  const { workerData } = require('node:worker_threads') as typeof import('node:worker_threads');
  void main(parentPort, workerData as WebApiWorkerData);
}
