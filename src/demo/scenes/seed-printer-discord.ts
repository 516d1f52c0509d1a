import type { Cast } from '../cast';
import type { Stage } from '../stage';

/**
 * The seed's scenario 1 on Discord: a customer cannot print (no network); the ticket is opened with
 * `/ticket`, gets a private thread and its card, is auto-assigned to the tier-1 supporter, who
 * answers and sets it pending; the customer's reply opens it again; resolved; rated.
 */
export async function seedPrinterOnDiscord(stage: Stage, cast: Cast): Promise<void> {
  const { raul, tier1: lise } = cast.discord;
  stage.narrator.note('Seed scenario 1: a customer cannot print. He opens a ticket in the Discord server.');
  const { number, threadId } = await stage.discordTicket(raul, {
    title: "I can't print",
    description: 'I opened a Word document and pressed Print, but nothing happens at the printer.',
    type: 'incident',
  });
  await stage.settle();
  await stage.pause();

  stage.discordSay(
    lise,
    threadId,
    'Hi Raul! Are you connected to the internet, and does the printer work for your colleagues?',
  );
  await stage.commentStored('Are you connected to the internet');
  await stage.pause();
  await stage.discordPress(lise, stage.discordCard(threadId), 'Pending');
  await stage.settle();
  await stage.pause();

  stage.discordSay(
    raul,
    threadId,
    'No internet here since this morning. The network cable was out of the wall: it is back in and the page just printed!',
  );
  await stage.commentStored('The network cable was out');
  await stage.settle();
  await stage.pause();

  stage.discordSay(lise, threadId, 'Great, then I will close the ticket. Thanks, Raul!');
  await stage.commentStored('then I will close the ticket');
  await stage.discordPress(lise, stage.discordCard(threadId), 'Resolve');
  await stage.settle();
  await stage.pause();

  const notice = await stage.until(`the rating buttons under #${number}'s resolution`, () =>
    stage.discord.messagesIn(threadId).find((m) => JSON.stringify(m.components ?? []).includes(`rate-5:${number}`)),
  );
  await stage.discordPress(raul, notice, '5 ★');
  await stage.settle();
  await stage.pause();
}
