import { selected } from '../../simulator/slack/interactions';
import type { Cast } from '../cast';
import { SLACK_SUPPORT_CHANNEL, type SlackCharacter, type Stage } from '../stage';

/**
 * The seed's scenario 2 on Slack: a new Windows 11 PC cannot print. The customer talks in her DM
 * with the app; staff answer in the card's thread in #support, and each side sees the other's
 * words once. Tier 1 escalates to tier 2, tier 2 to tier 3, who resolves it.
 */
export async function seedEscalationOnSlack(stage: Stage, cast: Cast): Promise<void> {
  const { jannet, tim, ahmed, sofie } = cast.slack;
  stage.narrator.note('Seed scenario 2: Jannet has a new PC and cannot print. She opens a ticket from Slack.');
  const { number, card, dm } = await stage.slackTicket(jannet, {
    title: 'Jeg kan ikke printe',
    description: 'I just got a new PC. The old one printed fine, but with the new one nothing prints.',
    type: 'incident',
  });
  await stage.settle();
  await stage.pause();

  const staffSays = async (who: SlackCharacter, text: string) => {
    await stage.slackSay(who, SLACK_SUPPORT_CHANNEL, card.ts, text);
    await stage.commentStored(text.slice(0, 40));
    await stage.settle();
    await stage.pause();
  };
  const jannetSays = async (text: string) => {
    await stage.slackSay(jannet, dm.channel, dm.ts, text);
    await stage.commentStored(text.slice(0, 40));
    await stage.settle();
    await stage.pause();
  };

  await staffSays(tim, 'Are you connected to the internet, and does the printer work for your colleagues?');
  await jannetSays("Yes, the internet works fine, and we just printed from Raul's PC without trouble.");
  await staffSays(tim, 'Do you have Windows 10 or Windows 11?');
  await jannetSays('Windows 11, I think.');
  await staffSays(tim, "I'm escalating your ticket to 2nd level; they will look at your PC.");
  await escalate(stage, tim, number, 'least', 'the least-loaded tier-2 supporter');

  await staffSays(
    ahmed,
    'Hi Jannet, I will connect to your PC with TeamViewer. Please send me your TeamViewer ID (never a password).',
  );
  await jannetSays('TeamViewer ID 435 275 764.');
  await staffSays(ahmed, 'Your PC misses the printer driver, and every new Windows 11 PC does: this is for 3rd level.');
  await escalate(stage, ahmed, number, sofie.id, sofie.name);

  await staffSays(
    sofie,
    'The driver is installed on your PC now, and it goes on every new PC from today. Try printing again!',
  );
  await jannetSays('It prints. Thank you!');
  const current = stage.slackCard(number)!;
  await stage.slackPress(sofie, current, 'ticket_resolve', 'Resolve');
  await stage.settle();
  await stage.pause();
  const notice = await stage.until(`the rating asked in Jannet's DM thread of #${number}`, () =>
    stage.slack.thread(dm.channel, dm.ts).find((m) => JSON.stringify(m.blocks ?? []).includes('"rate_4"')),
  );
  await stage.slackPress(jannet, notice, 'rate_4', '★★★★');
  await stage.settle();
  await stage.pause();

  stage.narrator.note('As in the seed, 2nd level writes down the fix in the knowledge base (for staff).');
  const before = stage.slack.callsOf('views.open').length;
  await stage.slackCommand(ahmed, '/kb', 'new');
  const form = await stage.slackFormAfter(before, 'the article form');
  stage.narrator.privately('Slack (a form)', ahmed, `shows the form "${form.title?.text ?? 'article'}"`);
  const input = (value: string) => ({ value: { type: 'plain_text_input', value } });
  await stage.slackSubmit(
    ahmed,
    form,
    {
      title: input('Windows 11 printer driver'),
      tags: input('printer, driver, windows 11'),
      body: input(
        'New Windows 11 PCs need the office printer driver: install it from the software center, then restart.',
      ),
      visibility: { value: selected('staff') },
    },
    '"Windows 11 printer driver", for staff',
  );
  await stage.settle();
  await stage.slackCommand(ahmed, '/kb', 'search printer driver');
  await stage.pause();
}

/** "Escalate" on the card, then the form's choice (a supporter's Slack id, or `least`). */
async function escalate(stage: Stage, who: SlackCharacter, number: number, choice: string, shown: string) {
  const before = stage.slack.callsOf('views.open').length;
  await stage.slackPress(who, stage.slackCard(number)!, 'ticket_escalate', 'Escalate');
  const form = await stage.slackFormAfter(before, `the escalation form of #${number}`);
  stage.narrator.privately('Slack (a form)', who, `shows the form "${form.title?.text ?? 'Escalate'}"`);
  await stage.slackSubmit(who, form, { to: { value: selected(choice) } }, `to ${shown}`);
  await stage.settle();
  await stage.pause();
}
