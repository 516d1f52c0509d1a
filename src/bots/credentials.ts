import { webApi } from '@slack/bolt';
import type { Settings } from '../config';
import { StartupError } from '../startup-error';
import { checkAppToken, checkBotToken } from './slack/connection';

/** How long start-up waits for a platform's answer before leaving it to the adapter's retries. */
const ANSWER_WITHIN_MS = 3000;

/**
 * Asks each configured platform whether it accepts its credentials, side by side, before the
 * database is opened: a refusal stops the start at once with the setting's name, on every
 * instance. A platform that does not answer in time is not a refusal: its adapter keeps trying.
 */
export async function refuseRejectedCredentials(
  settings: Settings,
  checkDiscordToken: (() => Promise<void>) | undefined,
): Promise<void> {
  const slackClient = (token: string) =>
    new webApi.WebClient(token, {
      ...(settings.SLACK_API_URL
        ? { slackApiUrl: settings.SLACK_API_URL.endsWith('/') ? settings.SLACK_API_URL : `${settings.SLACK_API_URL}/` }
        : {}),
      retryConfig: { retries: 0 },
      timeout: ANSWER_WITHIN_MS,
    });
  const checks: Array<Promise<unknown>> = [];
  if (checkDiscordToken) checks.push(checkDiscordToken());
  if (settings.SLACK_BOT_TOKEN && (settings.SLACK_SIGNING_SECRET || settings.SLACK_APP_TOKEN))
    checks.push(checkBotToken(slackClient(settings.SLACK_BOT_TOKEN)));
  if (settings.SLACK_BOT_TOKEN && settings.SLACK_APP_TOKEN)
    checks.push(checkAppToken(slackClient(settings.SLACK_APP_TOKEN)));
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), ANSWER_WITHIN_MS);
  });
  try {
    const outcomes = await Promise.all(
      checks.map((check) =>
        Promise.race([
          check.then(
            () => 'ok',
            (e) => e,
          ),
          late,
        ]),
      ),
    );
    const refusal = outcomes.find((outcome) => outcome instanceof StartupError);
    if (refusal) throw refusal;
  } finally {
    clearTimeout(timer);
  }
}
