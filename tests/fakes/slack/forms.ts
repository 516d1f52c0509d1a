/** A static select's state in a submitted view, as Slack sends it. */
export const selected = (value: string) => ({ type: 'static_select', selected_option: { value, text: { type: 'plain_text', text: value } } });

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
