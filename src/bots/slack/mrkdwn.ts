import { slackTokensAsWords } from '../../core/rules/chat-text';

/**
 * The one way people's text enters Slack's mrkdwn and message `text`: escaped once, so a title,
 * a name or a comment can never ping a channel, mention someone or disguise a link.
 */

/** Plain text (a form value, Discord's text, what the core wrote, a stored name) with `&`, `<`, `>` escaped. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Text that came from a Slack event (already escaped): its tokens shown as words, nothing escaped twice. */
export function slackTextAsMrkdwn(text: string): string {
  return slackTokensAsWords(text);
}
