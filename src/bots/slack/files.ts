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
