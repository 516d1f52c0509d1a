import { ADMIN, startStaffedSlackHarness, SUPPORT_CHANNEL, TINA, type SlackHarness } from '../fakes/slack/harness';
import { openTicketAs, pressButton, runCommand, sayInThread } from '../fakes/slack/interactions';
import { findEverywhere } from '../helpers/catalog-search';

const UMA = { id: 'UUMA', name: 'Uma' };
const VIC = { id: 'UVIC', name: 'Vic' };

let h: SlackHarness;

beforeAll(async () => {
  h = await startStaffedSlackHarness();
});
afterAll(async () => {
  await h?.close();
});

const helpdesk = (user: { id: string; name: string }, text: string) =>
  runCommand(h, user, '/helpdesk', text) as Promise<{ response_type?: string; text?: string; blocks?: unknown }>;

const says = (user: { id: string }, channel: string, threadTs: string, text: string) =>
  sayInThread(h, user, channel, threadTs, text);

describe('Privacy commands in Slack, end to end through the fake Slack', () => {
  test("/helpdesk export @person uploads a JSON file to the admin's DM; a supporter is refused", async () => {
    const { number, location } = await openTicketAs(h, UMA, 'Uma needs a numbat badge');
    await says(UMA, `D${UMA.id}`, location.slackDmThreadTs, 'my employee id is NB-5521');

    const refused = await helpdesk(TINA, `export <@${UMA.id}>`);
    expect(refused.text).toContain('admin');
    const uploads = h.api.uploads.size;
    expect(h.api.uploads.size).toBe(uploads);

    const answer = await helpdesk(ADMIN, `export <@${UMA.id}|uma>`);
    expect(answer).toMatchObject({ response_type: 'ephemeral' });
    expect(answer.text).toContain('on its way to your DM');
    const asked = h.api.callsOf('files.getUploadURLExternal').at(-1)!;
    expect(asked.args.filename).toBe(`person-slack-${UMA.id}.json`);
    const completed = h.api.callsOf('files.completeUploadExternal').at(-1)!;
    expect(completed.args.channel_id).toBe(`D${ADMIN.id}`);
    const data = JSON.parse(h.api.uploads.get(completed.args.files[0].id as string)!.toString('utf8'));
    expect(data.ticketsAsCustomer[0]).toMatchObject({ number, title: 'Uma needs a numbat badge' });
    expect(data.ticketsAsCustomer[0].comments.map((c: { body: string }) => c.body)).toContain(
      'my employee id is NB-5521',
    );
  });

  test("/helpdesk forget asks first; Erase erases and deletes the bot's posts, and says what Slack keeps", async () => {
    const { number, location } = await openTicketAs(h, VIC, 'Vic lost the quoll token');
    await says(VIC, `D${VIC.id}`, location.slackDmThreadTs, 'token serial QL-8080-vic');
    await says(TINA, SUPPORT_CHANNEL, location.slackCardTs, 'Vic, I reset quoll for you');
    // The bot's posts in the ticket's threads (the card's, the DM's); what it told Tina in her own DMs is hers.
    const botPosts = h.api.messages
      .filter((m) => m.bot_id && m.channel !== `D${TINA.id}` && JSON.stringify(m).includes('quoll'))
      .map((m) => m.ts);
    expect(botPosts.length).toBeGreaterThan(1);

    const question = await helpdesk(ADMIN, `forget <@${VIC.id}>`);
    expect(question.text).toContain('Erase Vic');
    expect(await pressButton(h, ADMIN, question, 'forget_cancel')).toBe('Nothing was erased.');
    expect(await pressButton(h, TINA, question, 'forget_confirm')).toContain('admin');
    expect(Object.keys(await findEverywhere(h.db.dataSource, ['quoll']))).not.toEqual([]);

    const answer = await pressButton(h, ADMIN, question, 'forget_confirm');
    expect(answer).toContain('Erased: they are now "Erased person');
    expect(answer).toContain(`#${number}`);
    expect(answer).toContain("Slack lets no app delete a person's messages");
    expect(await findEverywhere(h.db.dataSource, ['quoll', 'QL-8080'])).toEqual({});

    // The erase delivery names the DM channel (the fake's id holds the user's) until it has run.
    await h.deliver();
    expect(await findEverywhere(h.db.dataSource, ['quoll', 'QL-8080', VIC.id, 'Vic'])).toEqual({});
    const deleted = h.api.callsOf('chat.delete').map((c) => c.args.ts);
    for (const ts of botPosts) expect(deleted).toContain(ts);
    // What people wrote stays (no app may delete it); the bot's own posts are gone.
    const left = h.api.messages.filter((m) => m.channel !== `D${TINA.id}` && JSON.stringify(m).includes('quoll'));
    expect(left.every((m) => !m.bot_id)).toBe(true);
    // Nothing the bot said remains in their DM with the app.
    expect(h.api.messages.filter((m) => m.channel === `D${VIC.id}` && m.bot_id)).toEqual([]);
  });

  test('/helpdesk forget slack:U… names someone gone; bad names get a clear answer', async () => {
    expect((await helpdesk(ADMIN, 'forget slack:UNOBODY1')).text).toContain('keeps nothing');
    expect((await helpdesk(ADMIN, 'forget')).text).toContain('/helpdesk forget @person');
    expect((await helpdesk(ADMIN, 'forget !!')).text).toContain('name the person');
  });

  test('/helpdesk redact N title|description|rating replaces the text and redraws the card', async () => {
    const { number, location } = await openTicketAs(h, UMA, 'VPN pw is dingo-42');
    const answer = await helpdesk(ADMIN, `redact ${number} title VPN access`);
    expect(answer.text).toContain(`Redacted the title of ticket #${number}`);
    expect(await findEverywhere(h.db.dataSource, ['dingo-42'])).toEqual({});
    await h.deliver();
    const card = h.api.messages.find((m) => m.ts === location.slackCardTs)!;
    expect(JSON.stringify(card)).toContain('VPN access');
    expect(JSON.stringify(card)).not.toContain('dingo-42');
    expect((await helpdesk(TINA, `redact ${number} description`)).text).toContain('admin');
    expect((await helpdesk(ADMIN, `redact ${number} rating`)).text).toContain('no rating comment');
  });

  test('/helpdesk help lists forget and export for admins only', async () => {
    expect((await helpdesk(ADMIN, 'help')).text).toContain('/helpdesk forget');
    expect((await helpdesk(TINA, 'help')).text).not.toContain('/helpdesk forget');
  });
});
