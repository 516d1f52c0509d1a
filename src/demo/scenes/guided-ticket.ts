import { SUPPORT_CHANNEL_ID } from '../../simulator/discord/fake-discord';
import type { Cast } from '../cast';
import { DemoError, type Stage } from '../stage';

/**
 * A creation guide: an admin adds "Printing" to the service catalog with its checks and a
 * question, a supporter writes a public article; a customer's `/ticket` starts with the service,
 * shows its checks, offers the article, and "This solved it" ends it with no ticket (deflected).
 */
export async function guidedTicketScene(stage: Stage, cast: Cast): Promise<void> {
  const { admin, tier1: lise, freja } = cast.discord;
  stage.narrator.note('Lise writes a public article; Mette adds a service to the catalog, with a guide.');
  const [articleForm] = await stage.discordCommand(lise, '/kb new', [{ name: 'new', type: 1, options: [] }]);
  await stage.discordForm(
    lise,
    SUPPORT_CHANNEL_ID,
    articleForm.body.data.custom_id,
    {
      title: 'Clearing a paper jam',
      tags: 'printer, paper jam',
      body: 'Open the front door of the printer and pull the jammed paper out slowly, then close the door.',
      visibility: ['public'],
    },
    '"Clearing a paper jam", for everyone',
  );
  await stage.pause();

  const [catalogForm] = await stage.discordCommand(admin, '/helpdesk catalog add', [
    { name: 'catalog', type: 2, options: [{ name: 'add', type: 1, options: [] }] },
  ]);
  await stage.discordForm(
    admin,
    SUPPORT_CHANNEL_ID,
    catalogForm.body.data.custom_id,
    {
      name: 'Printing',
      description: 'The office printers',
      coverage: ['1'],
      checks: 'Is the printer switched on?\nIs there paper in the tray?',
      questions: 'Which printer (the label on its front)?',
    },
    'service "Printing", tier 1, two checks and a question',
  );
  await stage.settle();
  await stage.pause();

  stage.narrator.note('Freja has a printer problem. /ticket now starts with the catalog.');
  const [select] = await stage.discordCommand(freja, '/ticket');
  const options: Array<{ label: string; value: string }> =
    select.body?.data?.components?.[0]?.components?.[0]?.options ?? [];
  const printing = options.find((o) => o.label === 'Printing');
  if (!printing) throw new DemoError('/ticket did not offer the "Printing" service');
  const [guide] = await stage.discordChoose(freja, SUPPORT_CHANNEL_ID, 'guide:service', printing.value, 'Printing');
  await stage.pause();
  const [form] = await stage.discordPress(
    freja,
    { channel_id: SUPPORT_CHANNEL_ID, ...guide.body.data },
    'Report a problem',
    true,
  );
  if (form?.body?.type !== 9) throw new DemoError("the guide's form did not open");
  const [offer] = await stage.discordForm(
    freja,
    SUPPORT_CHANNEL_ID,
    form.body.data.custom_id,
    {
      title: 'Paper jam',
      description: 'The printer says paper jam in tray 2.',
      impact: ['individual'],
      urgency: ['degraded'],
      answers: 'PR-3-EAST',
    },
    '"Paper jam" — the printer says paper jam in tray 2; printer PR-3-EAST',
  );
  await stage.pause();
  await stage.discordPress(freja, { channel_id: SUPPORT_CHANNEL_ID, ...offer.body }, /^guide:solved:/, true);
  await stage.settle();
  await stage.pause();

  stage.narrator.note(
    "Mette looks at the month's figures (the clock is a week ahead now): the deflection is counted, by service and article.",
  );
  await stage.discordCommand(admin, '/helpdesk stats 30d', [
    { name: 'stats', type: 1, options: [{ name: 'period', type: 3, value: '30d' }] },
  ]);
  await stage.pause();
}
