import net from 'node:net';
import { webApi } from '@slack/bolt';
import { AdapterHealth } from '../../src/bots/adapter-state';
import { reachabilityFromSends } from '../../src/bots/slack/connection';
import { TemporaryDeliveryError, type OutgoingDelivery, type Sender } from '../../src/delivery/sender';
import { createLogger } from '../../src/log';

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const delivery = { id: 1, platform: 'slack' } as OutgoingDelivery;
const options = { signal: new AbortController().signal, record: <T>(write: () => Promise<T>) => write() };

test('in HTTP mode, a delivery that cannot reach Slack marks the adapter down, and one that goes through marks it connected', async () => {
  const client = new webApi.WebClient('xoxb-test', {
    slackApiUrl: `http://127.0.0.1:${await closedPort()}/api/`,
    retryConfig: { retries: 0 },
  });
  let reachable = false;
  // Like SlackSender: a failed call becomes a TemporaryDeliveryError with the Web API's error as its cause.
  const inner: Sender = {
    platform: 'slack',
    async send() {
      if (reachable) return;
      await client.chat.postMessage({ channel: 'C1', text: 'hi' }).catch((error: unknown) => {
        throw new TemporaryDeliveryError('Slack did not answer', { cause: error });
      });
    },
  };
  const status = new AdapterHealth('slack', createLogger('silent'), 'connected');
  const sender = reachabilityFromSends(inner, status, () => true);

  await expect(sender.send(delivery, options)).rejects.toBeInstanceOf(TemporaryDeliveryError);
  expect(status.state).toBe('down');
  reachable = true;
  await sender.send(delivery, options);
  expect(status.state).toBe('connected');
});

test('a refusal from Slack (it answered) does not mark the adapter down', async () => {
  const status = new AdapterHealth('slack', createLogger('silent'), 'connected');
  const refusing: Sender = {
    platform: 'slack',
    send: async () => {
      throw new TemporaryDeliveryError('Slack answered channel_not_found', {
        cause: Object.assign(new Error('An API error occurred: channel_not_found'), {
          code: 'slack_webapi_platform_error',
        }),
      });
    },
  };
  await expect(reachabilityFromSends(refusing, status, () => true).send(delivery, options)).rejects.toThrow();
  expect(status.state).toBe('connected');
});
