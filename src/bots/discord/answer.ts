import {
  MessageFlags,
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
  type RepliableInteraction,
} from 'discord.js';
import { isHelpdeskError } from '../../core/errors';
import { DEFAULT_LANGUAGE, parseLanguage, textsFor, type Language } from '../../core/texts';
import { sayWith } from '../../core/rules/messages';
import { readerTexts, type Translate } from '../reader';
import { interactionActor } from './actor';
import type { DiscordContext } from './context';

/** A private answer: text, and optionally embeds, files (a transcript, a long article) and buttons (a rating's "Add a comment"). */
export interface PrivateAnswer {
  content: string;
  embeds?: APIEmbed[];
  files?: Array<{ attachment: Buffer; name: string }>;
  components?: Array<APIActionRowComponent<APIButtonComponent>>;
}

/**
 * Answers an interaction privately: defers at once (the 3-second deadline), runs the work, and
 * edits the deferral with its text. A helpdesk error becomes its person-readable message; a
 * refusal says so plainly. Anything else is logged and answered with an apology. The work is
 * given the texts in the reader's language (their choice, else their Discord client's).
 */
export async function answerPrivately(
  interaction: RepliableInteraction,
  ctx: DiscordContext,
  work: (tr: Translate) => Promise<string | PrivateAnswer>,
): Promise<void> {
  await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const tr = await readerTexts(ctx.helpdesk, ctx.settings.HELPDESK_LANGUAGE, interactionActor(interaction));
  let answer: Awaited<ReturnType<typeof work>>;
  try {
    answer = await work(tr);
    ctx.wakeDispatcher();
  } catch (error) {
    answer = errorText(error, ctx, tr);
  }
  await interaction.editReply(typeof answer === 'string' ? { content: answer } : answer);
}

export function errorText(error: unknown, ctx: DiscordContext, tr: Translate = textsFor(DEFAULT_LANGUAGE)): string {
  if (isHelpdeskError(error)) {
    // The core's refusals already begin "You can't do that: …"; said once.
    const said = error.text ? sayWith(tr, error.text) : error.message;
    const refusal = (error.code === 'forbidden' || error.code === 'conflict') && !error.message.startsWith("You can't");
    return refusal ? tr('answers.cantDoThat', { reason: said }) : said;
  }
  ctx.logger.error({ err: error }, 'discord interaction failed');
  return tr('answers.somethingWrong');
}

/**
 * The texts for a form that must be the interaction's first answer (no database call before it):
 * the language of the person's Discord client, else the helpdesk's. Answers that come after a
 * deferral use the person's own choice too (see answerPrivately).
 */
export function clientTexts(interaction: Pick<RepliableInteraction, 'locale'>, ctx: DiscordContext): Translate {
  return textsFor(parseLanguage(interaction.locale) ?? ctx.settings.HELPDESK_LANGUAGE);
}

/** The language of a form that must be the first answer: the person's Discord client's, else the helpdesk's. */
export function clientLanguage(interaction: Pick<RepliableInteraction, 'locale'>, ctx: DiscordContext): Language {
  return parseLanguage(interaction.locale) ?? ctx.settings.HELPDESK_LANGUAGE;
}

/** The language the person reads (their choice, else their client's, else the helpdesk's), for answers after a deferral. */
export function readerLanguage(interaction: RepliableInteraction, ctx: DiscordContext): Promise<Language> {
  return ctx.helpdesk.languages.of(interactionActor(interaction)).catch(() => clientLanguage(interaction, ctx));
}
