import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defaultPolicy } from '../../src/config';
import { ManualClock } from '../../src/core/clock';
import { createHelpdesk } from '../../src/core/helpdesk';
import { openDatabase } from '../../src/db/data-source';
import { DataDirLockedError } from '../../src/db/data-dir-lock';
import { discord } from '../helpers/people';

describe('the embedded store (PGlite in DATA_DIR)', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'chatdesk-persist-'));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  test('tickets, comments and history survive a restart', async () => {
    fs.cpSync(process.env.CHATDESK_PGLITE_TEMPLATE!, dataDir, { recursive: true });
    const first = await openDatabase({ dataDir, poolSize: 4 });
    const helpdesk = createHelpdesk({ dataSource: first.dataSource, clock: new ManualClock(), policy: defaultPolicy });
    const ticket = await helpdesk.tickets.open(discord('carl'), {
      title: 'Survives restarts',
      description: 'Kept on disk',
      type: 'request',
    });
    await helpdesk.comments.comment(discord('carl'), { ticketNumber: ticket.number, body: 'Still here?' });
    await first.close();

    const second = await openDatabase({ dataDir, poolSize: 4 });
    const again = createHelpdesk({ dataSource: second.dataSource, clock: new ManualClock(), policy: defaultPolicy });
    const detail = await again.queries.show(discord('carl'), { ticketNumber: ticket.number });
    expect(detail.ticket.title).toBe('Survives restarts');
    expect(detail.comments.map((c) => c.body)).toEqual(['Still here?']);
    expect(detail.history.map((e) => e.kind)).toEqual(['opened', 'waiting', 'commented']);
    const next = await again.tickets.open(discord('carl'), {
      title: 'Numbers go on',
      description: 'x',
      type: 'request',
    });
    expect(next.number).toBe(ticket.number + 1);
    await second.close();
  });

  test('a second process-level open of the same folder is refused clearly while the first runs', async () => {
    const first = await openDatabase({ dataDir, poolSize: 2 });
    await expect(openDatabase({ dataDir, poolSize: 2 })).rejects.toBeInstanceOf(DataDirLockedError);
    expect(await first.dataSource.query('SELECT 1 AS ok')).toEqual([{ ok: 1 }]);
    await first.close();
  });
});
