import type { Translate } from '../reader';
import type { KnownBlock, ModalView } from '@slack/types';
import type { ViewOutput } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { guideMessagesIn, guideText, optionsPage, serviceOptions, type Service } from '../../core/rules/catalog';
import { textsFor, type Language } from '../../core/texts';
import type { Draft } from '../../core/services/guides';
import { fitText } from '../../core/rules/fit';
import { OPTION_MAX, SECTION_MAX, ticketFormView } from './blocks';
import type { TicketFormMetadata } from './commands/ticket';

/**
 * The creation guide's modal views (PRODUCT.md "Creation guides"), one modal from /ticket to the
 * ticket: the service select, the guide with the form, the articles offered, and the last word.
 * Each step replaces the one before (views.update, or `response_action: update` on submission).
 */
export const GUIDE_PICK = 'guide_pick';
export const GUIDE_SOLVED = 'guide_solved';
export const GUIDE_OPEN = 'guide_open';
export const GUIDE_SHOW = 'guide_show';

/** What the guided form carries to its submission: the plain form's metadata, the service picked (null: "something else") and the questions as asked. */
export interface GuideFormMetadata extends TicketFormMetadata {
  serviceId: number | null;
  questions: string[];
}

/** Slack's static select holds 100 options (and 100 groups); option text and descriptions 75 characters. */
const SELECT_MAX = 100;
const text = (t: string) => ({ type: 'plain_text' as const, text: t });
const button = (action_id: string, value: string, label: string, style?: 'primary') => ({
  type: 'button' as const,
  action_id,
  value,
  text: text(label),
  ...(style ? { style } : {}),
});

function modal(
  language: Language,
  blocks: KnownBlock[],
  privateMetadata = '',
  close: 'cancel' | 'close' = 'cancel',
): ModalView {
  const say = textsFor(language);
  return {
    type: 'modal',
    callback_id: 'guide_step',
    private_metadata: privateMetadata,
    title: text(say('forms.ticket.title')),
    close: text(say(close === 'close' ? 'forms.close' : 'forms.cancel')),
    blocks,
  };
}

/** The service select: one list up to Slack's 100 options, beyond that groups of 100 (so a very long catalog still fits, unpaged). */
function serviceSelect(services: Service[], language: Language) {
  const options = serviceOptions(services, language).map((o) => ({
    value: o.value,
    text: text(fitText(o.label, OPTION_MAX)),
    ...(o.description ? { description: text(fitText(o.description, OPTION_MAX)) } : {}),
  }));
  const base = {
    type: 'static_select' as const,
    action_id: GUIDE_PICK,
    placeholder: text(textsFor(language)('forms.guide.chooseService')),
  };
  if (options.length <= SELECT_MAX) return { ...base, options };
  const { pages } = optionsPage(options, 0, SELECT_MAX);
  const groups = Array.from({ length: Math.min(pages, SELECT_MAX) }, (_, page) => {
    const slice = optionsPage(options, page, SELECT_MAX);
    return {
      label: text(`${page * SELECT_MAX + 1}–${page * SELECT_MAX + slice.options.length}`),
      options: slice.options,
    };
  });
  return { ...base, option_groups: groups };
}

/**
 * The first step of /ticket, built from the in-memory catalog: the service select, and (once the
 * helpdesk has looked) the form the person left undecided, with its two ways back.
 */
export function serviceStepView(
  language: Language,
  services: Service[],
  metadata: TicketFormMetadata,
  waiting?: Draft,
  timeZone?: string,
): ModalView {
  const guideMessages = guideMessagesIn(language, timeZone);
  const blocks: KnownBlock[] = [];
  if (waiting) {
    blocks.push(
      { type: 'section', block_id: 'waiting', text: { type: 'mrkdwn', text: guideMessages.waiting(waiting) } },
      {
        type: 'actions',
        block_id: 'waiting:buttons',
        elements: [
          button(GUIDE_OPEN, waiting.id, guideMessages.openWaiting, 'primary'),
          button(GUIDE_SHOW, waiting.id, guideMessages.showWaiting),
        ],
      },
      { type: 'divider' },
    );
  }
  blocks.push({
    type: 'section',
    block_id: 'service',
    text: { type: 'mrkdwn', text: guideMessages.pickService },
    accessory: serviceSelect(services, language),
  });
  return modal(language, blocks, JSON.stringify(metadata));
}

/** The second step: the guide's checks above the ticket form, its questions below (none for "something else"). */
export function guideFormView(
  tr: Translate,
  language: Language,
  metadata: TicketFormMetadata,
  service: Service | null,
) {
  const questions = service?.questions ?? [];
  const carried: GuideFormMetadata = { ...metadata, serviceId: service?.id ?? null, questions };
  return ticketFormView(
    tr,
    JSON.stringify(carried),
    {},
    {
      checks: service ? guideText(service, language) : null,
      questions,
    },
  );
}

/** The articles offered before the ticket is opened, each with "This solved it", and "Open the ticket" (the draft's id rides on the buttons). */
export function offerView(language: Language, draft: Draft): ModalView {
  const guideMessages = guideMessagesIn(language);
  const blocks: KnownBlock[] = [
    {
      type: 'section',
      block_id: 'intro',
      text: {
        type: 'mrkdwn',
        text:
          draft.suggested.length > 0
            ? guideMessages.suggestIntro(draft.suggested.length)
            : textsFor(language)('forms.guide.kept'),
      },
    },
    // What was written, so a form shown again from "Show it" is recognised.
    {
      type: 'context',
      block_id: 'wrote',
      elements: [
        {
          type: 'plain_text',
          text: fitText(`${draft.service ? `${draft.service.name}: ` : ''}${draft.title}\n${draft.description}`, 500),
        },
      ],
    },
  ];
  for (const article of draft.suggested) {
    blocks.push({
      type: 'section',
      block_id: `article:${article.id}`,
      text: {
        type: 'mrkdwn',
        text: fitText(
          `*${article.title}*${article.snippet ? `\n${article.snippet}` : ''}\n\`/kb read ${article.id}\``,
          SECTION_MAX,
        ),
      },
      accessory: button(GUIDE_SOLVED, `${draft.id}:${article.id}`, guideMessages.solvedIt),
    });
  }
  blocks.push({
    type: 'actions',
    block_id: 'open',
    elements: [button(GUIDE_OPEN, draft.id, guideMessages.openTicket, 'primary')],
  });
  return modal(language, blocks);
}

/** The last word of the flow (opened, deflected, declined, …): the text and a Close button. */
export function closingView(language: Language, message: string): ModalView {
  return modal(
    language,
    [{ type: 'section', block_id: 'said', text: { type: 'mrkdwn', text: fitText(message, SECTION_MAX) } }],
    '',
    'close',
  );
}

/** The view as it is, with a refusal on top: a press that was refused changes nothing else, and the answer stays private to the presser. */
export function withRefusal(view: ViewOutput, message: string): ModalView {
  const blocks = (view.blocks as KnownBlock[]).filter((b) => b.block_id !== 'refused');
  return {
    type: 'modal',
    callback_id: view.callback_id,
    private_metadata: view.private_metadata,
    title: view.title,
    ...(view.close ? { close: view.close } : {}),
    ...(view.submit ? { submit: view.submit } : {}),
    blocks: [
      {
        type: 'context',
        block_id: 'refused',
        elements: [{ type: 'mrkdwn', text: `:warning: ${fitText(message, 2900)}` }],
      },
      ...blocks,
    ],
  };
}

/** A refused press in the guide's modal (a second press, someone else's or an expired form): said there, privately, and nothing else changes. */
export async function refuseInModal(client: WebClient, view: ViewOutput, message: string): Promise<void> {
  await client.views.update({ view_id: view.id, view: withRefusal(view, message) });
}
