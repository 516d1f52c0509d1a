import type { WebClient } from '@slack/web-api';

/**
 * Uploads a file the way Slack wants now (`files.upload` is retired): ask for an upload URL, POST
 * the bytes there, then complete the upload into a channel (a DM channel id works too).
 */
export async function uploadFile(
  client: WebClient,
  file: { filename: string; content: string | Buffer; channel: string; title?: string; comment?: string },
): Promise<string> {
  const data = typeof file.content === 'string' ? Buffer.from(file.content, 'utf8') : file.content;
  const target = await client.files.getUploadURLExternal({ filename: file.filename, length: data.length });
  if (!target.upload_url || !target.file_id) throw new Error('Slack gave no upload URL');
  const posted = await fetch(target.upload_url, {
    method: 'POST',
    body: data,
    headers: { 'content-type': 'application/octet-stream' },
    signal: AbortSignal.timeout(30_000),
  });
  if (!posted.ok) throw new Error(`the upload answered HTTP ${posted.status}`);
  await client.files.completeUploadExternal({
    files: [{ id: target.file_id, title: file.title ?? file.filename }],
    channel_id: file.channel,
    ...(file.comment ? { initial_comment: file.comment } : {}),
  });
  return target.file_id;
}

/** Downloads a file a person shared; Slack's private URLs want the bot token. Null when it can't. */
export async function downloadFile(url: string, token: string, maxBytes: number): Promise<Buffer | null> {
  const response = await fetch(url, {
    headers: { authorization: `Bearer ${token}` },
    signal: AbortSignal.timeout(15_000),
  });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const length = Number(response.headers.get('content-length'));
  if (Number.isFinite(length) && length > maxBytes) {
    await response.body?.cancel();
    return null;
  }
  const data = Buffer.from(await response.arrayBuffer());
  return data.length > maxBytes ? null : data;
}
