import { runDemo, type RunningDemo } from '../../src/demo/run';

// Detection that proposes nothing for five reports: the thresholds out of reach.
jest.mock('../../src/config', () => {
  const actual = jest.requireActual('../../src/config');
  return {
    ...actual,
    loadSettings: (env: Record<string, string | undefined>) =>
      actual.loadSettings({ ...env, MAJOR_PROPOSE_AT: '9', MAJOR_DECLARE_AT: '9' }),
  };
});

/** The demo's outage reads what the detection did: when nothing was proposed, it says so and declares nothing. */
describe('the demo outage when the detection proposes nothing', () => {
  let demo: RunningDemo;
  let printed = '';

  beforeAll(async () => {
    demo = await runDemo({
      fast: true,
      port: 0,
      scenes: ['outage'],
      output: { write: (text) => void (printed += text), isTTY: false },
    });
  }, 60_000);
  afterAll(async () => {
    await demo?.stop();
  });

  test('it says no proposal came, presses nothing, and the five reports stay open tickets of their own', async () => {
    expect(demo.failure).toBeUndefined();
    expect(printed).toContain('No proposal came for these five reports');
    expect(printed).not.toContain('Possible major incident');
    expect(printed).not.toContain('presses "Declare major incident"');
    const db = demo.app.database.dataSource;
    expect(await db.query(`SELECT * FROM ticket WHERE is_major`)).toEqual([]);
    const reports = await db.query(`SELECT status, major_incident_id FROM ticket WHERE title LIKE '%VPN%'`);
    expect(reports).toHaveLength(5);
    for (const report of reports) expect(report).toEqual({ status: 'open', major_incident_id: null });
  });
});
