import { parentPort } from 'node:worker_threads';
import { SlackRequestSigner } from '../src/simulator/slack/signer';
import { unrelatedTicket } from './unrelated-tickets';

/**
 * The Slack bench's load client, in a worker thread of its own: Slack sends its requests from
 * elsewhere, so building, signing and timing 200 of them is not done on the event loop of the
 * server being measured (it was, at first, and the client's own pauses then looked like lulls
 * between requests to the server). Each burst goes to one server, all requests at once; the times
 * come back in milliseconds, from sending each request to its whole response.
 */
export interface LoadBurst {
  endpoint: string;
  signingSecret: string;
  kind: 'command' | 'submission';
  count: number;
  /** The first person's number: no two bursts share one. */
  first: number;
}

export type LoadWorkerMessage = { kind: 'times'; times: number[] } | { kind: 'failed'; message: string };

export const benchUser = (i: number) => ({ id: `UBENCH${String(i).padStart(4, '0')}`, name: `customer${i}` });

/** The ticket form as submitted by person `i`: an unrelated incident with impact and urgency. */
export function benchSubmission(i: number) {
  const u = benchUser(i);
  const ticket = unrelatedTicket(i);
  const selected = (value: string) => ({
    type: 'static_select',
    selected_option: { value, text: { type: 'plain_text', text: value } },
  });
  return {
    type: 'view_submission',
    user: { id: u.id, name: u.name, username: u.name, team_id: 'T1' },
    trigger_id: `trigger-submit-${i}`,
    view: {
      id: `VFORM${i}`,
      type: 'modal',
      callback_id: 'ticket_form',
      private_metadata: JSON.stringify({ channel: 'CGENERAL' }),
      hash: 'h',
      team_id: 'T1',
      app_id: 'A1',
      bot_id: 'BBOT',
      state: {
        values: {
          title: { value: { type: 'plain_text_input', value: ticket.title } },
          description: { value: { type: 'plain_text_input', value: ticket.description } },
          type: { value: selected(ticket.type) },
          impact: { value: selected(ticket.impact) },
          urgency: { value: selected(ticket.urgency) },
        },
      },
    },
  };
}

async function burst(request: LoadBurst): Promise<number[]> {
  const signer = new SlackRequestSigner(request.endpoint, request.signingSecret);
  const send = (i: number) =>
    request.kind === 'command'
      ? signer.command('/ticket', benchUser(request.first + i))
      : signer.interaction(benchSubmission(request.first + i));
  return Promise.all(
    Array.from({ length: request.count }, async (_, i) => {
      const start = performance.now();
      const response = await send(i);
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`slack bench: ${request.kind} answered ${response.status}`);
      return performance.now() - start;
    }),
  );
}

if (parentPort) {
  const port = parentPort;
  port.on('message', (request: LoadBurst) => {
    burst(request).then(
      (times) => port.postMessage({ kind: 'times', times } satisfies LoadWorkerMessage),
      (error: unknown) =>
        port.postMessage({ kind: 'failed', message: (error as Error).message } satisfies LoadWorkerMessage),
    );
  });
}
