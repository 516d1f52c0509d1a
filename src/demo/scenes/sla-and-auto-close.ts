import { DAY, MINUTE } from '../../core/clock';
import type { Cast } from '../cast';
import type { Stage } from '../stage';

/**
 * Time passing, with the helpdesk's clock moved forward: a P1 ticket nobody has answered warns its
 * supporter at 80 % of the first-response target; a ticket left pending gets its reminders after 2
 * and 5 days and is closed automatically after 7, the customer told each time.
 */
export async function slaAndAutoCloseScene(stage: Stage, cast: Cast): Promise<void> {
  const { oscar, ida, tier1: lise } = cast.discord;
  stage.narrator.note(
    'Oscar reports that nobody in the office can open the shared calendar: everyone, blocked (P1, first answer due within 1 hour).',
  );
  const urgent = await stage.discordTicket(oscar, {
    title: 'Shared calendar will not open for anyone',
    description: 'The whole office gets an error when opening the shared calendar.',
    type: 'incident',
    impact: 'everyone',
    urgency: 'blocked',
  });
  await stage.settle();
  await stage.pause();
  await stage.moveClock(50 * MINUTE, '50 minutes');
  await stage.pause();
  stage.discordSay(
    lise,
    urgent.threadId,
    'On it, Oscar: the calendar server had stopped. It is running again, please try now.',
  );
  await stage.commentStored('the calendar server had stopped');
  await stage.discordPress(lise, stage.discordCard(urgent.threadId), 'Resolve');
  await stage.settle();
  await stage.pause();

  stage.narrator.note('Ida asks for a new mouse, is asked a question, and never answers.');
  const quiet = await stage.discordTicket(ida, {
    title: 'New mouse, please',
    description: 'My mouse wheel is broken. Could I get a new mouse?',
    type: 'request',
  });
  await stage.settle();
  stage.discordSay(lise, quiet.threadId, 'Sure! Do you want the wireless one or the one with a cable?');
  await stage.commentStored('wireless one or the one with a cable');
  await stage.discordPress(lise, stage.discordCard(quiet.threadId), 'Pending');
  await stage.settle();
  await stage.pause();

  await stage.moveClock(2 * DAY + MINUTE, '2 days');
  await stage.pause();
  await stage.moveClock(3 * DAY, '3 more days (5 in all)');
  await stage.pause();
  await stage.moveClock(2 * DAY, '2 more days (7 in all)');
  await stage.pause();
}
