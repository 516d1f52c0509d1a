/**
 * Slack's interaction and event payloads as Slack sends them (form submissions, button presses,
 * thread messages), for tests and the demo to sign and post, or send over Socket Mode.
 */
/** A static select's state in a submitted view, as Slack sends it. */
export const selected = (value: string) => ({
  type: 'static_select',
  selected_option: { value, text: { type: 'plain_text', text: value } },
});

export interface TicketFormFields {
  title: string;
  description: string;
  type: string;
  /** Left out: the form's defaults here, team and degraded (P3, as a ticket without them). */
  impact?: string | null;
  urgency?: string | null;
}

/** The /ticket form's `view.state.values`; `null` leaves a select unanswered. */
export function ticketFormValues(fields: TicketFormFields): Record<string, unknown> {
  const impact = fields.impact === undefined ? 'team' : fields.impact;
  const urgency = fields.urgency === undefined ? 'degraded' : fields.urgency;
  return {
    title: { value: { type: 'plain_text_input', value: fields.title } },
    description: { value: { type: 'plain_text_input', value: fields.description } },
    type: { value: selected(fields.type) },
    impact: { value: impact === null ? { type: 'static_select', selected_option: null } : selected(impact) },
    urgency: { value: urgency === null ? { type: 'static_select', selected_option: null } : selected(urgency) },
  };
}

export type User = { id: string; name: string };

/** A view's submission, as Slack sends it. */
export function viewSubmission(
  user: User,
  callbackId: string,
  privateMetadata: string,
  values: Record<string, unknown>,
) {
  return {
    type: 'view_submission',
    user: { id: user.id, name: user.name, username: user.name, team_id: 'T1' },
    trigger_id: 'trigger-submit',
    view: {
      id: 'VFORM',
      type: 'modal',
      callback_id: callbackId,
      private_metadata: privateMetadata,
      hash: 'h',
      team_id: 'T1',
      app_id: 'A1',
      bot_id: 'BBOT',
      state: { values },
    },
  };
}

/** A button pressed on a message (`message` is the message as it is in the fake: its ts, text, thread). */
export function buttonPress(
  user: User,
  button: { action_id: string; block_id: string; value: string },
  channel: string,
  message: { ts: string; text?: string; thread_ts?: string },
) {
  return {
    type: 'block_actions',
    user: { id: user.id, name: user.name, username: user.name, team_id: 'T1' },
    trigger_id: 'trigger-press',
    container: { type: 'message', message_ts: message.ts, channel_id: channel, is_ephemeral: false },
    channel: { id: channel, name: 'x' },
    message: {
      type: 'message',
      ts: message.ts,
      text: message.text ?? '',
      ...(message.thread_ts ? { thread_ts: message.thread_ts } : {}),
    },
    response_url: 'http://127.0.0.1:1/actions',
    actions: [{ type: 'button', ...button, action_ts: '1', text: { type: 'plain_text', text: button.action_id } }],
  };
}

/**
 * A button pressed under an ephemeral message (`said`: the chat.postEphemeral it came in): Slack
 * sends no message then, only a container saying it was ephemeral.
 */
export function ephemeralButtonPress(
  user: User,
  said: { blocks?: unknown; channel: string },
  actionId: string,
  ts = '1.000001',
) {
  const press = buttonPress(user, buttonIn(said.blocks, actionId), said.channel, { ts });
  return { ...press, container: { ...press.container, is_ephemeral: true }, message: undefined };
}

/** A ticket card's button (`ticket_<action>`) pressed, on the card posted at `where`. */
export function cardButtonPress(
  user: User,
  action: string,
  ticketNumber: number,
  where: { channel: string; ts: string },
) {
  const button = { action_id: `ticket_${action}`, block_id: `buttons:${ticketNumber}`, value: String(ticketNumber) };
  return buttonPress(user, button, where.channel, { ts: where.ts, text: 'card' });
}

/** The button `actionId` in a message's or a view's blocks (in an actions block or a section's accessory), to press it as Slack would send it. */
export function buttonIn(blocks: unknown, actionId: string): { action_id: string; block_id: string; value: string } {
  type Control = { action_id?: string; value?: string };
  for (const block of (blocks ?? []) as Array<{ block_id: string; elements?: Control[]; accessory?: Control }>) {
    const found = [...(block.elements ?? []), ...(block.accessory ? [block.accessory] : [])].find(
      (e) => e.action_id === actionId,
    );
    if (found) return { action_id: actionId, block_id: block.block_id, value: String(found.value) };
  }
  throw new Error(`no button ${actionId} in ${JSON.stringify(blocks)}`);
}

/**
 * A control used inside a modal, as Slack sends it: a button pressed (`value`) or a static select
 * picked (`selected`), with the view as it is shown (its id, metadata and blocks).
 */
export function viewAction(
  user: User,
  view: {
    id?: string;
    callback_id?: string;
    private_metadata?: string;
    blocks?: unknown;
    title?: unknown;
    close?: unknown;
    submit?: unknown;
  },
  control: { action_id: string; block_id: string; value?: string; selected?: string },
) {
  const action =
    control.selected !== undefined
      ? {
          type: 'static_select',
          action_id: control.action_id,
          block_id: control.block_id,
          selected_option: { value: control.selected, text: { type: 'plain_text', text: control.selected } },
        }
      : {
          type: 'button',
          action_id: control.action_id,
          block_id: control.block_id,
          value: control.value,
          text: { type: 'plain_text', text: control.action_id },
        };
  return {
    type: 'block_actions',
    user: { id: user.id, name: user.name, username: user.name, team_id: 'T1' },
    trigger_id: 'trigger-view-action',
    container: { type: 'view', view_id: view.id ?? 'VMODAL' },
    view: {
      type: 'modal',
      hash: 'h',
      team_id: 'T1',
      app_id: 'A1',
      bot_id: 'BBOT',
      state: { values: {} },
      private_metadata: '',
      ...view,
      id: view.id ?? 'VMODAL',
    },
    actions: [{ ...action, action_ts: '1' }],
  };
}

/** A person's message in a thread (a card's or a DM's), as the Events API sends it. */
export function threadMessage(user: { id: string }, channel: string, threadTs: string, text: string, ts: string) {
  return {
    type: 'message',
    channel,
    channel_type: channel.startsWith('D') ? 'im' : 'channel',
    user: user.id,
    text,
    ts,
    thread_ts: threadTs,
    event_ts: ts,
  };
}
