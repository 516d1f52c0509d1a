import { ApplicationCommandOptionType, InteractionResponseType, InteractionType, MessageFlags } from 'discord.js';
import { staffedWorldForFile } from '../fakes/discord/harness';
import { SUPPORT_CHANNEL_ID, type FakeUser } from '../../src/simulator/discord/fake-discord';
import {
  autocomplete,
  ephemeralMessage,
  modalAnswers,
  place,
  pressButton,
  slashCommand,
  stringOption,
  submitModal,
  subcommand,
  subcommandGroup,
} from '../../src/simulator/discord/interactions';

/** Saved replies on Discord, through the real discord.js and the fake Discord: kept by admins, sent by staff with /reply. */
const shared = staffedWorldForFile();

const replies = (sub: string, options: Parameters<typeof stringOption>[] = []) => [
  subcommandGroup('replies', [
    subcommand(
      sub,
      options.map(([name, value]) => stringOption(name, value)),
    ),
  ]),
];

/** `/helpdesk replies add|edit` by `who`: the form Discord was asked to show (or the private refusal). */
async function openForm(who: FakeUser, sub: 'add' | 'edit', name?: string) {
  const { world } = shared;
  const id = await slashCommand(
    world.fake,
    who,
    'helpdesk',
    SUPPORT_CHANNEL_ID,
    replies(sub, name ? [['name', name]] : []),
    true,
  );
  const [answer] = await world.fake.answered(id, 1);
  return answer.body;
}

async function submitForm(who: FakeUser, customId: string, name: string, text: string) {
  const { world } = shared;
  const id = await submitModal(world.fake, who, SUPPORT_CHANNEL_ID, customId, { name, text }, true);
  const [, answer] = await world.fake.answered(id, 2);
  return answer.body;
}

const stored = async () =>
  shared.world.db.dataSource.query(`SELECT name, body, uses FROM saved_reply WHERE archived_at IS NULL ORDER BY name`);

describe('/helpdesk replies: admins keep the saved replies', () => {
  test('an admin adds, lists, edits and removes a reply through the form', async () => {
    const { boss } = shared;
    const form = await openForm(boss, 'add');
    expect(form).toMatchObject({ type: InteractionResponseType.Modal, data: { custom_id: 'saved-reply-form' } });
    expect(JSON.stringify(form.data.components)).toContain('"max_length":40');
    expect(JSON.stringify(form.data.components)).toContain('"max_length":2000');
    const added = await submitForm(boss, 'saved-reply-form', 'Welcome', 'Hi {customer}, thanks for #{number}.');
    expect(added.content).toBe('Saved reply "Welcome" is added.');

    const list = await shared.world.command(boss, 'helpdesk', replies('list'), true);
    expect(list.content).toContain('**Welcome** (sent 0 times): Hi {customer}, thanks for #{number}.');

    const editForm = await openForm(boss, 'edit', 'welcome');
    expect(editForm.data.custom_id).toBe('saved-reply-form:Welcome');
    expect(JSON.stringify(editForm.data.components)).toContain('Hi {customer}, thanks for #{number}.');
    const saved = await submitForm(boss, 'saved-reply-form:Welcome', 'Welcome', 'Hello {customer}, about #{number}.');
    expect(saved.content).toContain('Saved reply "Welcome" is saved');
    expect(await stored()).toEqual([{ name: 'Welcome', body: 'Hello {customer}, about #{number}.', uses: 0 }]);

    const removed = await shared.world.command(boss, 'helpdesk', replies('remove', [['name', 'Welcome']]), true);
    expect(removed.content).toBe('Saved reply "Welcome" is removed.');
    expect(await stored()).toEqual([]);
  });

  test('a supporter is refused the form and the list, and a forged form stores nothing', async () => {
    const { tina } = shared;
    const refused = await openForm(tina, 'add');
    expect(refused).toMatchObject({
      type: InteractionResponseType.ChannelMessageWithSource,
      data: { flags: MessageFlags.Ephemeral },
    });
    expect(refused.data.content).toMatch(/^You can't do that/);
    const list = await shared.world.command(tina, 'helpdesk', replies('list'), true);
    expect(list.content).toMatch(/^You can't do that/);
    const forged = await submitForm(tina, 'saved-reply-form', 'Sneaky', 'Not mine to add');
    expect(forged.content).toMatch(/^You can't do that/);
    expect(await stored()).toEqual([]);
  });
});

describe('/reply NAME in a ticket thread', () => {
  test('staff pick a reply by name, see it filled in privately, and Send posts it in the thread as theirs', async () => {
    const { world, tina, boss } = shared;
    await world.helpdesk.savedReplies.add(world.ref(boss), {
      name: 'Restart',
      text: 'Hi {customer}, please restart and tell us if "{title}" is gone (#{number}, {assignee}).',
    });
    const nora = world.fake.user('nora');
    const { number, threadId } = await world.openTicket(nora, 'Outlook freezes');

    const offered = await autocomplete(
      world.fake,
      tina,
      'reply',
      threadId,
      [{ name: 'name', type: ApplicationCommandOptionType.String, value: 'res', focused: true } as never],
      true,
    );
    const [choices] = await world.fake.answered(offered, 1);
    expect(choices.body).toEqual({
      type: InteractionResponseType.ApplicationCommandAutocompleteResult,
      data: { choices: [{ name: 'Restart', value: 'Restart' }] },
    });

    const preview = await world.command(tina, 'reply', [stringOption('name', 'restart')], true, threadId);
    const filled = `Hi Nora, please restart and tell us if "Outlook freezes" is gone (#${number}, Tina).`;
    expect(preview.content).toBe(`Saved reply "Restart" for ticket #${number}, as the customer will read it:`);
    expect(preview.embeds[0].description).toBe(filled);
    const ids = preview.components[0].components.map((b: { custom_id: string }) => b.custom_id);
    expect(ids).toEqual([`savedreply:send:${number}:Restart`, `savedreply:edit:${number}:Restart`]);
    expect(await world.comments(number)).toEqual([]);

    const pressed = await pressButton(world.fake, tina, ephemeralMessage(world.fake, threadId, preview), ids[0], true);
    const [, sent] = await world.fake.answered(pressed, 2);
    expect(sent.body.content).toBe(`Sent in ticket #${number} as your reply.`);
    expect((await world.comments(number)).map((c: { body: string }) => c.body)).toEqual([filled]);
    await world.deliver();
    // The customer is in the thread: the reply is there under Tina's name, as staff replies from elsewhere are.
    expect(world.fake.threadMembers.get(threadId)?.has(nora.id)).toBe(true);
    expect(world.fake.messagesIn(threadId).map((m) => m.content)).toContain(`**Tina:** ${filled}`);
    expect((await stored()).find((r: { name: string }) => r.name === 'Restart').uses).toBe(1);
    const stats = await world.command(boss, 'helpdesk', [subcommand('stats')], true);
    expect(stats.content).toContain('Restart: 1 time');
  });

  test('Edit opens the filled-in text in a form; what staff send instead is posted, and counted', async () => {
    const { world, tina } = shared;
    const { number, threadId } = await world.openTicket(world.fake.user('otto'), 'Mouse lags');
    const preview = await world.command(tina, 'reply', [stringOption('name', 'Restart')], true, threadId);
    const edit = preview.components[0].components[1].custom_id;
    const pressed = await pressButton(world.fake, tina, ephemeralMessage(world.fake, threadId, preview), edit, true);
    const [modal] = await world.fake.answered(pressed, 1);
    expect(modal.body).toMatchObject({
      type: InteractionResponseType.Modal,
      data: { custom_id: `saved-reply-text:${number}:Restart` },
    });
    expect(JSON.stringify(modal.body.data.components)).toContain('Hi Otto, please restart');
    // Discord sends a form opened from a message's button with that message: the preview becomes the answer.
    const submitted = await world.fake.interact({
      type: InteractionType.ModalSubmit,
      data: {
        custom_id: `saved-reply-text:${number}:Restart`,
        components: modalAnswers({ text: 'Hi otto, a new mouse is on its way.' }),
      },
      message: ephemeralMessage(world.fake, threadId, preview),
      ...place(world.fake, tina, threadId, true),
    });
    const [deferred, answer] = await world.fake.answered(submitted, 2);
    expect(deferred.body.type).toBe(InteractionResponseType.DeferredMessageUpdate);
    expect(answer.body).toMatchObject({ content: `Sent in ticket #${number} as your reply.`, components: [] });
    await world.deliver();
    expect(world.fake.messagesIn(threadId).map((m) => m.content)).toContain(
      '**Tina:** Hi otto, a new mouse is on its way.',
    );
    expect((await stored()).find((r: { name: string }) => r.name === 'Restart').uses).toBe(2);
  });

  test('a reply over 2,000 characters once filled in is refused at the preview', async () => {
    const { world, tina, boss } = shared;
    await world.helpdesk.savedReplies.add(world.ref(boss), { name: 'Long', text: `${'x'.repeat(1990)} {title}` });
    const { threadId } = await world.openTicket(world.fake.user('pia'), 'A title long enough to pass the limit');
    const preview = await world.command(tina, 'reply', [stringOption('name', 'Long')], true, threadId);
    expect(preview.content).toContain('a message holds at most 2000');
    expect(preview.components ?? []).toEqual([]);
  });

  test('a customer may not use /reply, nor outside a ticket thread does it do anything', async () => {
    const { world, tina } = shared;
    const quinn = world.fake.user('quinn');
    const { number, threadId } = await world.openTicket(quinn, 'Printer jam');
    const refused = await world.command(quinn, 'reply', [stringOption('name', 'Restart')], false, threadId);
    expect(refused.content).toMatch(/^You can't do that/);
    const outside = await world.command(tina, 'reply', [stringOption('name', 'Restart')], true, SUPPORT_CHANNEL_ID);
    expect(outside.content).toBe("Use /reply in a ticket's thread.");
    expect(await world.comments(number)).toEqual([]);
  });
});
