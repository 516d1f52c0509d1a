import { Dispatcher } from '../../src/delivery/dispatcher';
import { createLogger } from '../../src/log';
import { MemorySender } from '../fakes/memory-sender';
import { describeEachDatabase } from '../helpers/database';
import { discord, staffUp } from '../helpers/people';
import { deliveryRows, eventually } from './support';

/**
 * PGlite runs one query at a time, and a transaction left open blocks every other connection. So
 * the dispatcher must hold none across a send: while a send takes its time, people keep working.
 */
describeEachDatabase(
  'the dispatcher on PGlite while interactions arrive',
  (ctx) => {
    beforeAll(async () => {
      await staffUp(ctx().helpdesk, { tina: '1' });
    });

    test('no query waits on a send: tickets open while a 2-second send is still under way', async () => {
      const { tickets, comments, queries } = ctx().helpdesk;
      await tickets.open(discord('carl'), { title: 'Printer jammed', description: 'E42', type: 'incident' });

      const slowPlatform = new MemorySender('discord', { sendDelayMs: 2000 });
      const dispatcher = new Dispatcher({
        dataSource: ctx().dataSource,
        clock: ctx().clock,
        senders: [slowPlatform],
        instanceId: 'pglite',
        concurrency: 2,
        logger: createLogger('silent'),
      });
      dispatcher.start(50);
      try {
        await slowPlatform.sendsStarted(2);
        const stillSending = () => slowPlatform.sent.length === 0;
        expect(stillSending()).toBe(true);

        // Everything a person does meanwhile completes while the first sends have not returned.
        const ticket = await tickets.open(discord('dora'), {
          title: 'VPN drops',
          description: 'Hourly',
          type: 'incident',
        });
        expect(stillSending()).toBe(true);
        await comments.comment(discord('dora'), { ticketNumber: ticket.number, body: 'Again just now' });
        expect(stillSending()).toBe(true);
        const shown = await queries.show(discord('dora'), { ticketNumber: ticket.number });
        expect(shown.history.length).toBeGreaterThan(1);
        expect(stillSending()).toBe(true);
        // The two sends in flight hold claims (status sending), not transactions.
        const rows = await deliveryRows(ctx().dataSource);
        expect(rows.filter((r) => r.status === 'sending')).toHaveLength(2);
        expect(stillSending()).toBe(true);

        await eventually(() => slowPlatform.sent.length >= 2, 10_000);
      } finally {
        await dispatcher.stop();
      }
      expect(slowPlatform.overlaps).toEqual([]);
    });
  },
  { kinds: ['pglite'] },
);
