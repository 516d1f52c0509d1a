import { createHmac } from 'node:crypto';

export interface SignOptions {
  /** Seconds since the epoch; now by default (a 6-minute-old one is refused). */
  timestamp?: number;
  /** Sign with this secret instead (a bad signature). */
  secret?: string;
  /** Slack's retry headers for an event it thinks was missed. */
  retryNum?: number;
}

/**
 * Builds requests as Slack sends them to `POST /slack/events`, signed `v0` with HMAC-SHA256 over
 * `v0:timestamp:body`: slash commands (form fields), interactions (form field `payload`), and
 * events (JSON `event_callback` with an `event_id`, or `url_verification`).
 */
export class SlackRequestSigner {
  private eventCounter = 0;

  constructor(
    private readonly endpoint: string,
    private readonly signingSecret: string,
  ) {}

  post(body: string, contentType: string, options: SignOptions = {}): Promise<Response> {
    const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
    const signature = `v0=${createHmac('sha256', options.secret ?? this.signingSecret)
      .update(`v0:${timestamp}:${body}`)
      .digest('hex')}`;
    const headers: Record<string, string> = {
      'content-type': contentType,
      'x-slack-signature': signature,
      'x-slack-request-timestamp': String(timestamp),
    };
    if (options.retryNum !== undefined) {
      headers['x-slack-retry-num'] = String(options.retryNum);
      headers['x-slack-retry-reason'] = 'http_timeout';
    }
    return fetch(this.endpoint, { method: 'POST', headers, body });
  }

  /** `/ticket some text` typed by `user` in `channel`. */
  command(
    command: string,
    user: { id: string; name: string },
    text = '',
    channel = 'CGENERAL',
    options?: SignOptions,
  ): Promise<Response> {
    const body = new URLSearchParams(commandFields(command, user, text, channel, this.eventCounter)).toString();
    this.eventCounter += 2;
    return this.post(body, 'application/x-www-form-urlencoded', options);
  }

  /** `view_submission`, `block_actions`, `message_action`: a form field `payload` holding JSON. */
  interaction(payload: Record<string, unknown>, options?: SignOptions): Promise<Response> {
    const body = new URLSearchParams({ payload: JSON.stringify(interactionPayload(payload)) }).toString();
    return this.post(body, 'application/x-www-form-urlencoded', options);
  }

  /** An `event_callback`; pass `eventId` again to replay it as Slack's retry. */
  event(event: Record<string, unknown>, options: SignOptions & { eventId?: string } = {}): Promise<Response> {
    const eventId = options.eventId ?? `Ev${String(++this.eventCounter).padStart(6, '0')}`;
    const body = JSON.stringify(eventCallback(event, eventId));
    return this.post(body, 'application/json', options);
  }

  urlVerification(challenge: string, options?: SignOptions): Promise<Response> {
    return this.post(
      JSON.stringify({ token: 'legacy', challenge, type: 'url_verification' }),
      'application/json',
      options,
    );
  }
}

/** A slash command's fields, as Slack posts them (form-encoded over HTTP, an object in a Socket Mode envelope). */
export function commandFields(
  command: string,
  user: { id: string; name: string },
  text: string,
  channel: string,
  counter: number,
): Record<string, string> {
  return {
    token: 'legacy',
    team_id: 'T1',
    team_domain: 'example',
    channel_id: channel,
    channel_name: 'general',
    user_id: user.id,
    user_name: user.name,
    command,
    text,
    api_app_id: 'A1',
    is_enterprise_install: 'false',
    response_url: `http://127.0.0.1:1/commands/${counter}`,
    trigger_id: `trigger-${counter + 1}`,
  };
}

/** An interaction payload (`view_submission`, `block_actions`, `message_action`) with the fields Slack adds. */
export function interactionPayload(payload: Record<string, unknown>): Record<string, unknown> {
  return { team: { id: 'T1', domain: 'example' }, api_app_id: 'A1', token: 'legacy', ...payload };
}

/** An `event_callback` body around `event`. */
export function eventCallback(event: Record<string, unknown>, eventId: string): Record<string, unknown> {
  return {
    token: 'legacy',
    team_id: 'T1',
    api_app_id: 'A1',
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: 'T1', user_id: 'UBOT', is_bot: true }],
    event,
  };
}
