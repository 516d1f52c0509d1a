import type { KnownBlock } from '@slack/types';
import type { CardAction, TicketCard } from '../../core/rules/card';
import { cardActionLabel } from '../../core/rules/card';
import { IMPACTS, PRIORITIES, TICKET_TYPES, URGENCIES } from '../../core/model';
import { t, textsFor, type Language } from '../../core/texts';
import { DESCRIPTION_MAX, TITLE_MAX } from '../../core/schemas';
import type { Translate } from '../reader';
import { escapeMrkdwn } from './mrkdwn';
import { fitText } from '../../core/rules/fit';

/** The action id of the card's "Saved reply" button; its value is the ticket number. */
export const SAVED_REPLY_BUTTON = 'saved_reply';

/** Slack writes a time in each reader's own time zone; the fallback text is UTC. */
export const slackTime = (at: Date) =>
  `<!date^${Math.floor(at.getTime() / 1000)}^{date_short_pretty} {time}|${at.toISOString().slice(0, 16).replace('T', ' ')} UTC>`;

/** " · due …" for a listed ticket whose SLA clock runs; nothing when it is stopped or done. */
export const dueNote = (t: { dueAt: Date | null; status: string }, language: Language) =>
  t.dueAt && t.status !== 'resolved'
    ? ` · ${textsFor(language)('answers.due', { time: slackTime(new Date(t.dueAt)) })}`
    : '';

/** Every card control's action_id is `ticket_<action>`; its value is the ticket number. */
export const actionId = (action: CardAction) => `ticket_${action}`;

const BUTTON_ACTIONS: CardAction[] = ['claim', 'pending', 'resolve', 'escalate', 'solved', 'reopen'];

const option = (value: string, text: string) => ({ text: { type: 'plain_text' as const, text }, value });

/** Slack's limits on what a person wrote that we show: a header block, a section's text, an option's and a button's text. */
export const HEADER_MAX = 150;
export const SECTION_MAX = 3000;
export const OPTION_MAX = 75;
export const BUTTON_MAX = 75;

/** A supporter in the escalation picker, "name (n open)": the name (theirs, of any length) is what gives way. */
function candidateText(tr: Translate, s: { name: string; load: number }): string {
  const room = OPTION_MAX - tr('card.choose.candidate', { name: '', load: s.load }).length;
  return tr('card.choose.candidate', { name: fitText(s.name, room), load: s.load });
}

/** A form's required select, read back as `values[blockId].value.selected_option`. */
const selectInput = (blockId: string, label: string, options: ReturnType<typeof option>[]) => ({
  type: 'input' as const,
  block_id: blockId,
  label: { type: 'plain_text' as const, text: label },
  element: { type: 'static_select' as const, action_id: 'value', options },
});

function controls(actions: CardAction[], ticketNumber: number, language: Language): KnownBlock[] {
  const say = textsFor(language);
  const value = String(ticketNumber);
  const buttons = actions
    .filter((a) => BUTTON_ACTIONS.includes(a))
    .map((a) => ({
      type: 'button' as const,
      action_id: actionId(a),
      value,
      text: { type: 'plain_text' as const, text: cardActionLabel(language, a) },
      ...(a === 'resolve' || a === 'solved' ? { style: 'primary' as const } : {}),
    }));
  // Choices carry the ticket number in block_id, since a select's value is the chosen option.
  const choices = [];
  if (actions.includes('reassign'))
    choices.push({
      type: 'users_select' as const,
      action_id: actionId('reassign'),
      placeholder: { type: 'plain_text' as const, text: say('card.choose.reassignTo') },
    });
  if (actions.includes('type'))
    choices.push({
      type: 'static_select' as const,
      action_id: actionId('type'),
      placeholder: { type: 'plain_text' as const, text: say('card.action.type') },
      options: TICKET_TYPES.map((t) => option(t, say(`common.type.${t}`))),
    });
  if (actions.includes('priority'))
    choices.push({
      type: 'static_select' as const,
      action_id: actionId('priority'),
      placeholder: { type: 'plain_text' as const, text: say('card.action.priority') },
      options: PRIORITIES.map((p) => option(p, say(`common.priority.${p}`))),
    });
  const blocks: KnownBlock[] = [];
  if (buttons.length > 0) blocks.push({ type: 'actions', block_id: `buttons:${value}`, elements: buttons });
  if (choices.length > 0) blocks.push({ type: 'actions', block_id: `choices:${value}`, elements: choices });
  return blocks;
}

/**
 * The card in the support channel: the ticket's facts and the staff's controls, with "Saved reply"
 * while the ticket is open (Slack has no slash commands in threads: the card is where staff pick one).
 */
export function staffCardBlocks(card: TicketCard, ticketNumber: number): KnownBlock[] {
  const blocks = controls(card.staffActions, ticketNumber, card.language);
  const buttons = blocks.find((b) => b.block_id === `buttons:${ticketNumber}`);
  if (buttons?.type === 'actions')
    buttons.elements.push({
      type: 'button',
      action_id: SAVED_REPLY_BUTTON,
      value: String(ticketNumber),
      text: { type: 'plain_text', text: t(card.language, 'savedRepliesChat.cardButton') },
    });
  return [
    { type: 'header', text: { type: 'plain_text', text: fitText(card.heading, HEADER_MAX) } },
    {
      type: 'section',
      fields: card.fields.map((f) => ({ type: 'mrkdwn' as const, text: `*${f.name}*\n${escapeMrkdwn(f.value)}` })),
    },
    ...blocks,
  ];
}

/** The top of the customer's DM thread: what they asked, its status, and their buttons; `card` is in the customer's language. */
export function customerCardBlocks(card: TicketCard, ticketNumber: number): KnownBlock[] {
  const say = textsFor(card.customerLanguage);
  const status = card.fields.find((f) => f.name === say('card.field.status'))?.value ?? card.status;
  return [
    {
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: `*${escapeMrkdwn(card.heading)}*\n${say('card.customerStatus', { status: escapeMrkdwn(status) })}`,
      },
    },
    ...controls(card.customerActions, ticketNumber, card.customerLanguage),
  ];
}

export const TICKET_FORM = 'ticket_form';
export const NOTE_FORM = 'internal_note';
export const ESCALATE_FORM = 'escalate_form';
/** The escalation picker's choice that leaves it to the core: the next tier's least-loaded supporter. */
export const LEAST_LOADED = 'least';

/** The ticket form after a service was picked in /ticket: submitted under its own callback, with the guide's checks above the fields and its questions below. */
export const GUIDED_TICKET_FORM = 'guided_ticket_form';
/** The guide questions' inputs are blocks `question:0`, `question:1`, … in the order the service asks them. */
export const questionBlock = (index: number) => `question:${index}`;
/** The core keeps an answer up to 1000 characters; the input stops there rather than refusing it. */
const QUESTION_ANSWER_MAX = 1000;

/**
 * The /ticket form; `privateMetadata` carries who it is for and where it was asked. With `guide`
 * it is the second step of the creation guide: the picked service's checks (`guide.checks`, the
 * shared guide text) head it, and each of its questions gets an input after the usual fields.
 */
export function ticketFormView(
  tr: Translate,
  privateMetadata: string,
  prefill: { title?: string; description?: string } = {},
  guide?: { checks: string | null; questions: string[] },
) {
  return {
    type: 'modal' as const,
    callback_id: guide ? GUIDED_TICKET_FORM : TICKET_FORM,
    private_metadata: privateMetadata,
    title: { type: 'plain_text' as const, text: tr('forms.ticket.title') },
    submit: { type: 'plain_text' as const, text: tr(guide ? 'forms.ticket.next' : 'forms.ticket.open') },
    close: { type: 'plain_text' as const, text: tr('forms.cancel') },
    blocks: [
      ...(guide?.checks
        ? [
            {
              type: 'section' as const,
              block_id: 'guide',
              text: { type: 'mrkdwn' as const, text: fitText(guide.checks, SECTION_MAX) },
            },
            { type: 'divider' as const },
          ]
        : []),
      {
        type: 'input' as const,
        block_id: 'title',
        label: { type: 'plain_text' as const, text: tr('forms.ticket.fieldTitle') },
        element: {
          type: 'plain_text_input' as const,
          action_id: 'value',
          max_length: TITLE_MAX,
          ...(prefill.title ? { initial_value: fitText(prefill.title, TITLE_MAX) } : {}),
        },
      },
      {
        type: 'input' as const,
        block_id: 'description',
        label: { type: 'plain_text' as const, text: tr('forms.ticket.fieldDescription') },
        element: {
          type: 'plain_text_input' as const,
          action_id: 'value',
          multiline: true,
          max_length: DESCRIPTION_MAX,
          ...(prefill.description ? { initial_value: fitText(prefill.description, DESCRIPTION_MAX) } : {}),
        },
      },
      selectInput(
        'type',
        tr('forms.ticket.type'),
        TICKET_TYPES.map((t) => option(t, tr(`forms.ticket.typeOption.${t}`))),
      ),
      // Impact and urgency give the priority (the core's matrix); both are asked, never guessed.
      selectInput(
        'impact',
        tr('forms.ticket.impact'),
        IMPACTS.map((i) => option(i, tr(`forms.ticket.impactOption.${i}`))),
      ),
      selectInput(
        'urgency',
        tr('forms.ticket.urgency'),
        URGENCIES.map((u) => option(u, tr(`forms.ticket.urgencyOption.${u}`))),
      ),
      ...(guide?.questions ?? []).map((question, i) => ({
        type: 'input' as const,
        block_id: questionBlock(i),
        label: { type: 'plain_text' as const, text: question },
        element: {
          type: 'plain_text_input' as const,
          action_id: 'value',
          multiline: true,
          max_length: QUESTION_ANSWER_MAX,
        },
      })),
    ],
  };
}

/**
 * A form of ours: its callback, what it carries to its submission, a title and its submit word
 * (catalog texts within Slack's 24 characters: the limits test holds them), and Cancel.
 */
export function formView<B>(
  tr: Translate,
  callbackId: string,
  carried: object,
  title: string,
  submit: string,
  blocks: B[],
) {
  const plain = (t: string) => ({ type: 'plain_text' as const, text: t });
  return {
    type: 'modal' as const,
    callback_id: callbackId,
    private_metadata: JSON.stringify(carried),
    title: plain(title),
    submit: plain(submit),
    close: plain(tr('forms.cancel')),
    blocks,
  };
}

/** A text input (read back as `values[block].value`, as every form here reads its fields), prefilled with `initial` when editing. */
export function textInput(
  block: string,
  label: string,
  options: { initial?: string; multiline?: boolean; max?: number; optional?: boolean; hint?: string } = {},
) {
  return {
    type: 'input' as const,
    block_id: block,
    label: { type: 'plain_text' as const, text: label },
    ...(options.optional ? { optional: true } : {}),
    ...(options.hint ? { hint: { type: 'plain_text' as const, text: options.hint } } : {}),
    element: {
      type: 'plain_text_input' as const,
      action_id: 'value',
      ...(options.multiline ? { multiline: true } : {}),
      ...(options.max ? { max_length: options.max } : {}),
      ...(options.initial ? { initial_value: options.initial } : {}),
    },
  };
}

/** The "Add internal note" form. */
export function noteFormView(tr: Translate, ticketNumber: number, sourceMessage: string) {
  return {
    type: 'modal' as const,
    callback_id: NOTE_FORM,
    private_metadata: JSON.stringify({ ticketNumber, sourceMessage }),
    title: { type: 'plain_text' as const, text: tr('card.note.title', { number: ticketNumber }) },
    submit: { type: 'plain_text' as const, text: tr('card.note.add') },
    blocks: [
      {
        type: 'input' as const,
        block_id: 'note',
        label: { type: 'plain_text' as const, text: tr('card.note.label') },
        element: { type: 'plain_text_input' as const, action_id: 'value', multiline: true },
      },
    ],
  };
}

/** "Escalate #N to tier T": the next tier's least-loaded supporter (first), or one of them by name. */
export function escalateFormView(
  tr: Translate,
  ticketNumber: number,
  toTier: number,
  supporters: Array<{ userId: string; name: string; load: number }>,
) {
  // Slack allows 100 options of up to 75 characters each.
  const options = [
    option(LEAST_LOADED, tr('card.choose.leastLoaded', { tier: toTier })),
    ...supporters.slice(0, 99).map((s) => option(s.userId, candidateText(tr, s))),
  ];
  return {
    type: 'modal' as const,
    callback_id: ESCALATE_FORM,
    private_metadata: JSON.stringify({ ticketNumber }),
    title: {
      type: 'plain_text' as const,
      text: tr('slackForms.escalateTitle', { number: ticketNumber }),
    },
    submit: { type: 'plain_text' as const, text: tr('card.action.escalate') },
    close: { type: 'plain_text' as const, text: tr('forms.cancel') },
    blocks: [
      {
        type: 'input' as const,
        block_id: 'to',
        label: { type: 'plain_text' as const, text: tr('card.choose.escalateTitle', { tier: toTier }) },
        element: { type: 'static_select' as const, action_id: 'value', initial_option: options[0], options },
      },
    ],
  };
}

/** The rating buttons' action ids are `rate_<score>`; each carries the ticket number as its value. */
export const RATE_ACTION = /^rate_[1-5]$/;
export const RATING_COMMENT_BUTTON = 'rating_comment';
export const RATING_COMMENT_FORM = 'rating_comment_form';
export const MAJOR_DECLARE = 'major_declare';
export const MAJOR_NOT_RELATED = 'major_not_related';

const button = (action_id: string, value: string, text: string, style?: 'primary' | 'danger') => ({
  type: 'button' as const,
  action_id,
  value,
  text: { type: 'plain_text' as const, text },
  ...(style ? { style } : {}),
});

/** `text` is mrkdwn already (see mrkdwn.ts), as for every block builder below that takes a text. */
/** The "resolved" notice in the customer's DM thread, with 1–5 under it (asked once per resolution; the core counts one). */
export function ratingRequestBlocks(text: string, ticketNumber: number): KnownBlock[] {
  return [
    { type: 'section', text: { type: 'mrkdwn', text } },
    {
      type: 'actions',
      block_id: `rate:${ticketNumber}`,
      elements: [1, 2, 3, 4, 5].map((score) => button(`rate_${score}`, String(ticketNumber), '★'.repeat(score))),
    },
  ];
}

/** The rated notice: the 1–5 give way to the thanks and the way to say more. */
export function ratedBlocks(tr: Translate, notice: string, thanks: string, ticketNumber: number): KnownBlock[] {
  return [
    { type: 'section', text: { type: 'mrkdwn', text: notice } },
    { type: 'section', text: { type: 'mrkdwn', text: thanks } },
    {
      type: 'actions',
      block_id: `rated:${ticketNumber}`,
      elements: [button(RATING_COMMENT_BUTTON, String(ticketNumber), tr('card.rating.addComment'))],
    },
  ];
}

/** The optional comment on a rating. */
export function ratingCommentView(tr: Translate, ticketNumber: number, maxLength: number) {
  return {
    type: 'modal' as const,
    callback_id: RATING_COMMENT_FORM,
    private_metadata: JSON.stringify({ ticketNumber }),
    title: { type: 'plain_text' as const, text: tr('forms.rating.title', { number: ticketNumber }) },
    submit: { type: 'plain_text' as const, text: tr('forms.send') },
    close: { type: 'plain_text' as const, text: tr('forms.cancel') },
    blocks: [
      {
        type: 'input' as const,
        block_id: 'comment',
        label: { type: 'plain_text' as const, text: tr('forms.rating.comment') },
        element: { type: 'plain_text_input' as const, action_id: 'value', multiline: true, max_length: maxLength },
      },
    ],
  };
}

/** A staff alert in the support channel; a major-incident proposal carries its two answers. */
export function staffAlertBlocks(tr: Translate, text: string, proposalId: number | null): KnownBlock[] {
  const blocks: KnownBlock[] = [{ type: 'section', text: { type: 'mrkdwn', text } }];
  if (proposalId !== null) {
    blocks.push({
      type: 'actions',
      block_id: `proposal:${proposalId}`,
      elements: [
        button(MAJOR_DECLARE, String(proposalId), tr('lookAlike.declare'), 'danger'),
        button(MAJOR_NOT_RELATED, String(proposalId), tr('lookAlike.notRelated')),
      ],
    });
  }
  return blocks;
}

export const LINK_CONFIRM_ACTION = 'link_confirm';
export const LINK_REFUSE_ACTION = 'link_refuse';

/** The private prompt a link code's owner answers: who redeemed it, and Confirm or Refuse (each carries the code). */
export function linkPromptBlocks(tr: Translate, text: string, code: string): KnownBlock[] {
  return [
    { type: 'section', text: { type: 'mrkdwn', text } },
    {
      type: 'actions',
      block_id: 'link_answer',
      elements: [
        button(LINK_CONFIRM_ACTION, code, tr('people.linkButton.confirm'), 'primary'),
        button(LINK_REFUSE_ACTION, code, tr('people.linkButton.refuse'), 'danger'),
      ],
    },
  ];
}
