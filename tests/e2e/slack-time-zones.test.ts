import { openTicketAs, runCommand, ticketByNumber } from '../fakes/slack/interactions';
import { startStaffedSlackHarness, ADMIN, TINA, type SlackHarness } from '../fakes/slack/harness';

/**
 * Two supporters a Slack workspace apart: Tina in Copenhagen, Nils in New York (their profiles'
 * `tz`, served by the fake's users.info). The same moment, a ticket's SLA due time, is printed
 * for each in their own local time, in what the bot sends them.
 */
const NILS = { id: 'UNILS', name: 'Nils' };
const CUSTOMER = { id: 'UCUSTOMER', name: 'Carla' };

let h: SlackHarness;
beforeAll(async () => {
  h = await startStaffedSlackHarness();
  await h.helpdesk.staff.add(
    { platform: 'slack', userId: ADMIN.id },
    { person: { platform: 'slack', userId: NILS.id, displayName: 'Nils' }, role: '1' },
  );
  h.api.timeZones.set(TINA.id, 'Europe/Copenhagen');
  h.api.timeZones.set(NILS.id, 'America/New_York');
});
afterAll(async () => {
  await h?.close();
});

/** `2026-01-05 14:00`: a moment's wall-clock time in `timeZone`, worked out here apart from the helpdesk's formatter. */
function wallClock(at: Date, timeZone: string): string {
  const local = new Date(at.toLocaleString('en-US', { timeZone }));
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${local.getFullYear()}-${pad(local.getMonth() + 1)}-${pad(local.getDate())} ${pad(local.getHours())}:${pad(local.getMinutes())}`;
}

describe('Slack: dates in each reader’s own time zone', () => {
  test('/tickets show and the transcript print the SLA due time and the opening as each supporter’s local time', async () => {
    const { number } = await openTicketAs(h, CUSTOMER, 'Badge reader dead');
    const row = await ticketByNumber(h, number);
    const due = new Date(row.first_response_due_at);
    const opened = new Date(row.created_at);
    expect(Number.isNaN(due.getTime())).toBe(false);

    const copenhagen = `${wallClock(due, 'Europe/Copenhagen')} Europe/Copenhagen`;
    const newYork = `${wallClock(due, 'America/New_York')} America/New_York`;
    // In January Copenhagen is six hours ahead of New York: two different wall-clock times.
    expect(wallClock(due, 'Europe/Copenhagen')).not.toBe(wallClock(due, 'America/New_York'));

    const tina = await runCommand(h, TINA, '/tickets', `show ${number}`);
    expect(tina.text).toContain(`first response due ${copenhagen}`);
    const nils = await runCommand(h, NILS, '/tickets', `show ${number}`);
    expect(nils.text).toContain(`first response due ${newYork}`);
    expect(nils.text).not.toContain('Europe/Copenhagen');
    // Slack told each zone through users.info.
    const asked = h.api.callsOf('users.info').map((c) => c.args.user);
    expect(asked).toEqual(expect.arrayContaining([TINA.id, NILS.id]));

    // The transcript each asks for comes to their DM with its times in their zone.
    const transcriptFor = async (user: { id: string; name: string }) => {
      await runCommand(h, user, '/tickets', `transcript ${number}`);
      const completed = h.api.callsOf('files.completeUploadExternal').at(-1)!;
      expect(completed.args.channel_id).toBe(`D${user.id}`);
      return h.api.uploads.get(completed.args.files[0].id as string)!.toString('utf8');
    };
    expect(await transcriptFor(TINA)).toContain(
      `**Opened:** ${wallClock(opened, 'Europe/Copenhagen')} Europe/Copenhagen`,
    );
    expect(await transcriptFor(NILS)).toContain(
      `**Opened:** ${wallClock(opened, 'America/New_York')} America/New_York`,
    );
  });

  test('a Slack person whose profile gives no zone reads UTC, said as such', async () => {
    const { number } = await openTicketAs(h, CUSTOMER, 'Projector flickers');
    h.api.timeZones.delete(ADMIN.id);
    const due = new Date((await ticketByNumber(h, number)).first_response_due_at);
    const admin = await runCommand(h, ADMIN, '/tickets', `show ${number}`);
    expect(admin.text).toContain(`first response due ${due.toISOString().slice(0, 16).replace('T', ' ')} UTC`);
  });
});
