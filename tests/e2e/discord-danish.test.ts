import { ApplicationCommandOptionType as OptionType, InteractionResponseType, MessageFlags } from 'discord.js';
import { DAY } from '../../src/core/clock';
import { t } from '../../src/core/texts';
import { sendDueReminders } from '../../src/jobs/reminders';
import { STAFF_CHANNEL_ID, SUPPORT_CHANNEL_ID } from '../../src/simulator/discord/fake-discord';
import {
  integerOption,
  pressButton,
  slashCommand,
  subcommand,
  subcommandGroup,
  submitTicketForm,
  submitModal,
} from '../../src/simulator/discord/interactions';
import { staffedWorldForFile } from '../fakes/discord/harness';
import { storedState } from '../helpers/snapshot';

/**
 * A member whose Discord client is Danish, in a helpdesk whose language (and so its staff's) is
 * English: through the fake gateway, the form, the answers, the card's customer buttons and every
 * notice are Danish; the card's facts, the staff buttons and the staff's answers stay English.
 */
describe('Discord: a Danish client reads Danish, staff read English', () => {
  const setup = staffedWorldForFile();

  test('the form, the opened notice, pending, the reminder, resolved and the rating in Danish; the staff side in English', async () => {
    const { world, tina } = setup;
    const mette = world.fake.user('mette');
    world.fake.locales.set(mette.id, 'da');

    const command = await slashCommand(world.fake, mette, 'ticket', SUPPORT_CHANNEL_ID);
    const [modal] = world.fake.answers.get(command)!;
    expect(modal.body.type).toBe(InteractionResponseType.Modal);
    expect(modal.body.data.title).toBe('Opret en sag');
    expect(JSON.stringify(modal.body.data)).toContain('"Hvem er berørt?"');

    const submitted = await submitTicketForm(world.fake, mette, SUPPORT_CHANNEL_ID, modal.body.data.custom_id, {
      title: 'Printeren er gået i stå',
      description: 'Fejl E42',
      type: 'incident',
      impact: 'individual',
      urgency: 'degraded',
    });
    const [, reply] = await world.fake.answered(submitted, 2);
    const number = Number(/#(\d+)/.exec(reply.body.content)![1]);
    expect(reply.body.content).toBe(t('da', 'forms.opened.thread', { number, title: 'Printeren er gået i stå' }));
    // Her Discord client's language is remembered with her first ticket.
    expect(await world.helpdesk.languages.of(world.ref(mette))).toBe('da');
    await world.deliver();
    const threadId = (await world.ticket(number)).location.discordThreadId as string;
    const card = () => world.fake.messagesIn(threadId).find((m) => m.embeds.length > 0)!;

    // The card: her "opened" notice in Danish, the facts and the staff buttons in English, her button in Danish.
    expect(card().content).toContain(t('da', 'ticket.opened', { number, title: 'Printeren er gået i stå' }));
    expect(card().embeds[0].fields).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'Status' })]));
    const labels = card().components.flatMap((row: { components: Array<{ label: string }> }) =>
      row.components.map((b) => b.label),
    );
    expect(labels).toEqual(expect.arrayContaining(['Claim', 'Resolve', 'Det er løst']));
    // The private reply now points at her thread, in Danish.
    const replyEdits = world.fake.requestsTo('PATCH', /\/webhooks\/\d+\/[^/]+\/messages\/(@original|%40original)$/);
    expect(replyEdits.at(-1)!.body.content).toBe(t('da', 'card.threadOpen', { thread: `<#${threadId}>` }));

    // Staff press Pending: Tina's answer is English, Mette's notice Danish.
    const pending = await pressButton(world.fake, tina, card(), `ticket:pending:${number}`, true);
    expect((await world.fake.answered(pending, 2))[1].body.content).toBe(
      `#${number} is pending: waiting for the customer.`,
    );
    await world.deliver();
    const said = () => world.fake.messagesIn(threadId).map((m) => m.content as string);
    expect(said().at(-1)).toBe(t('da', 'ticket.pending', { number }));

    // The reminder, planned by the job and written in Danish when sent.
    world.clock.advance(3 * DAY);
    await sendDueReminders(world.helpdesk.ctx, world.clock.now());
    await world.deliver();
    expect(said().at(-1)).toMatch(new RegExp(`^Påmindelse: support venter stadig på dit svar på #${number}\\.`));

    // Resolved: the notice in Danish, with the rating buttons under it.
    await world.helpdesk.tickets.resolve(world.ref(tina), { ticketNumber: number });
    await world.deliver();
    const notice = world.fake.messagesIn(threadId).at(-1)!;
    expect(notice.content).toContain(`Din sag #${number} er løst af support.`);
    expect(notice.content).toContain('tryk Genåbn');
    expect(
      card().components.flatMap((row: { components: Array<{ label: string }> }) => row.components.map((b) => b.label)),
    ).toEqual(['Genåbn']);

    // Her rating: thanked in Danish, "Add a comment" in Danish, the comment form and its thanks too.
    const rate = await pressButton(world.fake, mette, notice, `ticket:rate-5:${number}`);
    const [, thanks] = await world.fake.answered(rate, 2);
    expect(thanks.body.content).toBe(`Tak! Du gav #${number} 5/5.`);
    expect(thanks.body.components[0].components[0].label).toBe('Tilføj en kommentar');
    const commentButton = await pressButton(world.fake, mette, notice, `ticket:rate-comment:${number}`);
    const [commentForm] = world.fake.answers.get(commentButton)!;
    expect(commentForm.body.data.title).toBe(`Bedømmelse af #${number}`);
    const comment = await submitModal(world.fake, mette, threadId, `rating-comment:${number}`, { comment: 'Hurtigt!' });
    expect((await world.fake.answered(comment, 2))[1].body.content).toBe(`Tak for din kommentar til #${number}.`);

    // Her Reopen on the card: answered in Danish.
    const refused = await pressButton(world.fake, mette, card(), `ticket:reopen:${number}`);
    expect((await world.fake.answered(refused, 2))[1].body.content).toBe(t('da', 'card.done.reopened', { number }));

    // Nothing of hers reached the staff channel in Danish.
    expect(
      world.fake
        .messagesIn(STAFF_CHANNEL_ID)
        .map((m) => m.content)
        .join('\n'),
    ).not.toMatch(/Din sag|Påmindelse/);
  });

  test("a Danish client's language is remembered whatever command they run first (every command's actor carries the locale)", async () => {
    const { world } = setup;
    const jens = world.fake.user('jens'); // a customer, who has chosen no language
    world.fake.locales.set(jens.id, 'da');

    const list = await slashCommand(world.fake, jens, 'tickets', SUPPORT_CHANNEL_ID, [
      { type: OptionType.Subcommand, name: 'list', options: [] },
    ]);
    await world.fake.answered(list, 2);
    expect(await world.helpdesk.languages.of(world.ref(jens))).toBe('da');

    // A refusal from the core reaches him in Danish too.
    const unlink = await slashCommand(world.fake, jens, 'tickets', SUPPORT_CHANNEL_ID, [
      {
        type: OptionType.Subcommand,
        name: 'unlink',
        options: [{ type: OptionType.Integer, name: 'number', value: 1 }],
      },
    ]);
    expect((await world.fake.answered(unlink, 2))[1].body.content).toMatch(/^(Det kan du ikke: |Der er ingen sag #1)/);
  });

  test('bad input in the form or a command is refused privately in Danish, and nothing is stored', async () => {
    const { world } = setup;
    const mads = world.fake.user('mads');
    world.fake.locales.set(mads.id, 'da');
    await world.command(mads, 'tickets', [{ type: OptionType.Subcommand, name: 'list', options: [] }]);
    const before = await storedState(world.db.dataSource);
    const refusalTo = async (interaction: string) => {
      const [deferral, answer] = await world.fake.answered(interaction, 2);
      expect(deferral.body.data.flags).toBe(MessageFlags.Ephemeral);
      return answer.body.content as string;
    };

    // An empty title, and a description over the limit (Discord's max_length would stop it; sent anyway).
    const form = { description: 'Printeren på 2. sal', type: 'incident', impact: 'individual', urgency: 'degraded' };
    const empty = await submitTicketForm(world.fake, mads, SUPPORT_CHANNEL_ID, 'ticket-form', { ...form, title: '  ' });
    expect(await refusalTo(empty)).toContain('Titlen skal udfyldes');
    const long = await submitTicketForm(world.fake, mads, SUPPORT_CHANNEL_ID, 'ticket-form', {
      ...form,
      title: 'Printeren',
      description: 'x'.repeat(5000),
    });
    expect(await refusalTo(long)).toContain('Beskrivelsen fylder 5000 tegn; der må højst være 3000');

    // A ticket number past any the helpdesk gives.
    const show = await slashCommand(world.fake, mads, 'tickets', SUPPORT_CHANNEL_ID, [
      {
        type: OptionType.Subcommand,
        name: 'show',
        options: [{ type: OptionType.Integer, name: 'number', value: 99_999_999_999 }],
      },
    ]);
    expect(await refusalTo(show)).toBe('Så stort et nummer giver helpdesken ikke');

    for (const id of [empty, long, show])
      expect(JSON.stringify(world.fake.answers.get(id))).not.toMatch(/can't be empty|the limit is|larger than any/);
    expect(await storedState(world.db.dataSource)).toEqual(before);
  });

  test('her transcript, /tickets show and the catalog list are in Danish; a staff member asking for the same transcript reads English', async () => {
    const { world, tina } = setup;
    const sofie = world.fake.user('sofie');
    world.fake.locales.set(sofie.id, 'da');
    const { number } = await world.openTicket(sofie, 'Skærmen blinker');
    const transcriptOf = async (who: typeof sofie) =>
      (await world.command(who, 'tickets', [subcommand('transcript', [integerOption('number', number)])])).files[0]
        .text as string;

    const hers = await transcriptOf(sofie);
    expect(hers).toContain(`# Sag #${number}: Skærmen blinker`);
    expect(hers).toContain('- **Type:** Hændelse');
    expect(hers).toContain('- **Ansvarlig:**');
    expect(hers).toContain('## Beskrivelse');
    expect(hers).toContain('## Samtale');
    expect(hers).toContain('Sofie oprettede sagen');
    expect(hers).toContain('tildelt Tina (automatisk)');
    // Discord gives no time zone: UTC, said as such.
    expect(hers).toMatch(/- \*\*Oprettet:\*\* \d{4}-\d\d-\d\d \d\d:\d\d UTC/);

    const staffs = await transcriptOf(tina);
    expect(staffs).toContain(`# Ticket #${number}: Skærmen blinker`);
    expect(staffs).toContain('## Conversation');

    const shown = await world.command(sofie, 'tickets', [subcommand('show', [integerOption('number', number)])]);
    const fields = shown.embeds[0].fields.map((f: { name: string }) => f.name);
    expect(fields).toEqual(expect.arrayContaining(['Prioritet', 'Ansvarlig', 'Niveau']));

    const catalog = await slashCommand(world.fake, sofie, 'helpdesk', SUPPORT_CHANNEL_ID, [
      subcommandGroup('catalog', [subcommand('list')]),
    ]);
    const [answer] = await world.fake.answered(catalog, 1);
    expect(answer.body.data.content).toBe(t('da', 'catalogList.empty'));
  });
});
