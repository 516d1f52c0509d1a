import { SUPPORT_CHANNEL_ID, type FakeUser } from '../src/simulator/discord/fake-discord';
import { slashCommand, submitTicketForm } from '../src/simulator/discord/interactions';
import type { Figures } from './figures';
import type { ScenarioOptions } from './scenarios';
import { World, type AppProcess } from './world';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(check: () => boolean | Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check()) return true;
    await sleep(200);
  }
  return false;
}

/** The instance holding the Discord gateway lease, by the pid in its instance id. */
async function gatewayHolder(world: World, apps: AppProcess[]): Promise<AppProcess | undefined> {
  const [row] = await world.query<{ holder: string }>(
    `SELECT holder FROM lease WHERE name = 'discord-gateway' AND expires_at >= now()`,
  );
  const pid = Number(row?.holder.split(':')[1]);
  return apps.find((a) => a.child.pid === pid);
}

/**
 * (e) Discord: customers write in their ticket threads in a burst while the gateway connection is
 * dropped (the bot RESUMEs and gets what it missed), dropped with its session invalidated (a fresh
 * IDENTIFY, then the catch-up over REST), and the instance holding the gateway lease is killed
 * (another takes the lease and catches up). Every message is stored once, in order.
 */
export async function discordGateway(options: ScenarioOptions): Promise<Figures> {
  const gatewayLeaseMs = options.short ? 3000 : 15_000;
  const world = await new World({ store: 'postgres', discordGatewayLeaseMs: gatewayLeaseMs }).start();
  try {
    const fake = world.discord;
    const apps = [await world.startApp(), await world.startApp()];
    await until(async () => (await gatewayHolder(world, apps)) !== undefined && fake.gatewayConnections === 1, 60_000);
    const ticketCount = options.short ? 3 : 10;
    const customers: FakeUser[] = [];
    for (let i = 0; i < ticketCount; i++) {
      const customer = fake.user(`chaoscust${i}`);
      customers.push(customer);
      const command = await slashCommand(fake, customer, 'ticket', SUPPORT_CHANNEL_ID);
      const [modal] = fake.answers.get(command)!;
      await submitTicketForm(fake, customer, SUPPORT_CHANNEL_ID, modal.body.data.custom_id, {
        title: `Gateway [e-${i}]`,
        description: 'Reported in the fault suite',
        type: 'incident',
        impact: 'team',
        urgency: 'degraded',
      });
    }
    const threadOf = (i: number) =>
      fake.threadsIn(SUPPORT_CHANNEL_ID).find((t) => String(t.name).endsWith(`[e-${i}]`))?.id as string | undefined;
    await until(() => customers.every((_, i) => threadOf(i)), 60_000);

    const burst = options.short ? 45 : 200;
    const written: Array<{ ticket: number; text: string; id: string }> = [];
    const faults: Array<{ at: number; what: string; run: () => Promise<void> }> = [
      {
        at: Math.floor(burst / 4),
        what: 'gateway dropped (RESUME)',
        run: async () => {
          const resumed = fake.resumes.length;
          fake.dropGateway();
          // Messages go on while it reconnects; the next fault waits for the RESUME.
          void until(() => fake.resumes.length > resumed, 30_000);
        },
      },
      {
        at: Math.floor(burst / 2),
        what: 'gateway dropped, session invalid (fresh IDENTIFY)',
        run: async () => fake.invalidateGatewaySession(),
      },
      {
        at: Math.floor((3 * burst) / 4),
        what: 'gateway lease holder killed',
        run: async () => {
          const holder = await gatewayHolder(world, apps);
          if (holder) await world.kill(holder);
        },
      },
    ];
    let lastFaultAt = Date.now();
    for (let n = 0; n < burst; n++) {
      const fault = faults.find((f) => f.at === n);
      if (fault) {
        // Each fault once the bot is back from the one before (messages keep coming meanwhile).
        await until(() => fake.gatewayConnections === 1, 30_000);
        options.log(`(e) ${fault.what} after ${n} messages`);
        await fault.run();
        lastFaultAt = Date.now();
      }
      const i = n % ticketCount;
      const text = `burst #${i} m${String(n).padStart(4, '0')}`;
      const message = fake.say(customers[i], threadOf(i)!, text);
      written.push({ ticket: i, text, id: message.id });
      await sleep(options.short ? 40 : 50);
    }
    const storedRows = async () =>
      world.query<{ body: string; id: number; platform_message_id: string }>(
        `SELECT body, id, platform_message_id FROM comment WHERE body LIKE 'burst #%' ORDER BY id`,
      );
    const recovered = await until(
      async () => new Set((await storedRows()).map((r) => r.body)).size === written.length,
      gatewayLeaseMs + 90_000,
    );
    const secondsToRecover = recovered ? (Date.now() - lastFaultAt) / 1000 : -1;
    const rows = await storedRows();
    const counts = new Map<string, number>();
    for (const row of rows) counts.set(row.body, (counts.get(row.body) ?? 0) + 1);
    let outOfOrder = 0;
    for (let i = 0; i < ticketCount; i++) {
      const order = rows.filter((r) => r.body.startsWith(`burst #${i} `)).map((r) => BigInt(r.platform_message_id));
      for (let k = 1; k < order.length; k++) if (order[k] < order[k - 1]) outOfOrder++;
    }
    return {
      scenario: 'e: Discord gateway dropped, session lost, lease holder killed',
      store: 'postgres',
      sent: written.length,
      acknowledged: written.length,
      stored: counts.size,
      refusedWithMessage: 0,
      lost: written.filter((w) => !counts.has(w.text)).length,
      refusedButStored: 0,
      doubled: [...counts.values()].reduce((sum, n) => sum + n - 1, 0),
      outOfOrder,
      secondsToRecover,
      notes: [
        `resumes ${fake.resumes.filter((r) => r.resumed).length} accepted, ${fake.resumes.filter((r) => !r.resumed).length} refused; identifies ${fake.identifies.length}; gateway lease ${gatewayLeaseMs / 1000} s`,
      ],
    };
  } finally {
    await world.close();
  }
}
