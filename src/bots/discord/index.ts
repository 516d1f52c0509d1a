import { Events, type Client } from 'discord.js';
import type { Settings } from '../../config';
import type { Helpdesk } from '../../core/helpdesk';
import type { Dispatcher } from '../../delivery/dispatcher';
import type { Sender } from '../../delivery/sender';
import type { Logger } from '../../log';
import { createDiscordClient } from './client';
import type { DiscordContext } from './context';
import { CatchUpGate } from './catch-up-gate';
import { catchUpMissedMessages } from './events/catch-up';
import { onMessageCreate } from './events/message-create';
import { onMessageDelete } from './events/message-delete';
import { onMessageUpdate } from './events/message-update';
import { onInteraction } from './interactions';
import { DiscordSender } from './sender';
import { AckFirst } from '../ack-first';
import type { AdapterHealth } from '../adapter-state';

export interface DiscordAdapter {
  client: Client;
  sender: Sender;
  /** Resolves when the latest catch-up of missed messages (after a connect) has finished. */
  caughtUp(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * Logs the bot in, answers interactions, stores thread messages as comments, and returns the
 * sender the dispatcher hands Discord deliveries to. Resolves once the gateway is ready.
 */
export async function startDiscordAdapter(options: {
  settings: Settings;
  helpdesk: Helpdesk;
  logger: Logger;
  dispatcher?: Dispatcher;
  /** Told when the gateway connection drops and comes back (discord.js reconnects by itself). */
  status?: AdapterHealth;
}): Promise<DiscordAdapter> {
  const { settings, helpdesk, logger, dispatcher, status } = options;
  if (!settings.DISCORD_TOKEN) throw new Error('DISCORD_TOKEN is not set');
  const client = createDiscordClient(settings);
  const ctx: DiscordContext = {
    helpdesk,
    settings,
    logger: logger.child({ adapter: 'discord' }),
    wakeDispatcher: () => dispatcher?.wake(),
    ackFirst: new AckFirst(),
  };
  const guarded = (what: string, work: () => Promise<unknown>) =>
    void work().catch((error) => ctx.logger.error({ err: error }, `discord ${what} failed`));

  client.on(Events.InteractionCreate, (interaction) => void onInteraction(interaction, ctx));
  // A live message in a thread the catch-up has not reached yet is stored after the missed ones.
  const gate = new CatchUpGate();
  client.on(Events.MessageCreate, (message) =>
    guarded('message', () => gate.run(message.channelId, message.id, () => onMessageCreate(message, ctx))),
  );
  client.on(Events.MessageUpdate, (_old, message) => guarded('message edit', () => onMessageUpdate(message, ctx)));
  client.on(Events.MessageDelete, (message) => guarded('message delete', () => onMessageDelete(message, ctx)));

  // Every READY (the first login, and a fresh session after a lost one) may follow missed messages.
  let catchUp: Promise<number> = Promise.resolve(0);
  client.on(Events.ShardReady, () => {
    catchUp = catchUpMissedMessages(client.rest, ctx, gate).catch((error) => {
      ctx.logger.error({ err: error }, 'discord catch-up failed');
      return 0;
    });
  });

  client.on(Events.ShardReconnecting, () => status?.set('connecting', 'gateway connection lost; reconnecting'));
  client.on(Events.ShardResume, () => status?.set('connected'));
  client.on(Events.ShardReady, () => status?.set('connected'));

  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login(settings.DISCORD_TOKEN);
  await ready;
  ctx.logger.info({ user: client.user?.tag }, 'discord adapter ready');

  return {
    client,
    sender: new DiscordSender(client.rest, helpdesk, settings),
    caughtUp: () => catchUp,
    async stop() {
      await client.destroy();
    },
  };
}
