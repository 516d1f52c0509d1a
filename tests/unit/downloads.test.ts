import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { downloadCapped, type DownloadPolicy } from '../../src/bots/downloads';

/** A local HTTP server standing for a file host: records what it was asked and with which token. */
class FileHost {
  readonly asked: Array<{ path: string; authorization: string | undefined }> = [];
  /** Bytes written to the client before it hung up, per request. */
  written = 0;
  private readonly server: http.Server;
  constructor(private readonly routes: Record<string, (res: http.ServerResponse) => void>) {
    this.server = http.createServer((req, res) => {
      this.asked.push({ path: req.url ?? '', authorization: req.headers.authorization });
      const route = this.routes[req.url ?? ''];
      if (route) route(res);
      else res.writeHead(404).end();
    });
  }
  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return this;
  }
  get host(): string {
    return `127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }
  url(path: string): string {
    return `http://${this.host}${path}`;
  }
  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }
}

describe('downloading a file a person shared', () => {
  const MB = 1024 * 1024;
  let files: FileHost;
  let elsewhere: FileHost;
  const policy = (maxBytes = 8 * MB): DownloadPolicy => ({
    allowedHosts: [files.host],
    maxBytes,
    headers: { authorization: 'Bearer xoxb-secret' },
  });

  beforeAll(async () => {
    elsewhere = await new FileHost({ '/steal': (res) => res.writeHead(200).end('gotcha') }).start();
    files = await new FileHost({
      '/ok': (res) => res.writeHead(200, { 'content-length': '5' }).end('hello'),
      '/away': (res) => res.writeHead(302, { location: elsewhere.url('/steal') }).end(),
      '/moved': (res) => res.writeHead(302, { location: files.url('/ok') }).end(),
      '/big-declared': (res) => res.writeHead(200, { 'content-length': String(40 * MB) }).end(),
      // 40 MB in chunks with no length given, as the audit's file host did.
      '/big-chunked': (res) => {
        res.writeHead(200, { 'content-type': 'application/octet-stream' });
        const chunk = Buffer.alloc(64 * 1024, 1);
        let sent = 0;
        const more = () => {
          while (sent < 40 * MB) {
            sent += chunk.length;
            files.written = sent;
            if (!res.write(chunk)) return void res.once('drain', more);
          }
          res.end();
        };
        res.on('close', () => undefined);
        more();
      },
    }).start();
  });
  afterAll(async () => {
    await files?.stop();
    await elsewhere?.stop();
  });

  test('a file on an allowed host is fetched with the token', async () => {
    const data = await downloadCapped(files.url('/ok'), policy());
    expect(data?.toString()).toBe('hello');
    expect(files.asked.at(-1)!.authorization).toBe('Bearer xoxb-secret');
  });

  test('a file on any other host is not fetched at all: the token goes nowhere else', async () => {
    await expect(downloadCapped(elsewhere.url('/steal'), policy())).rejects.toThrow('not an allowed file host');
    expect(elsewhere.asked).toHaveLength(0);
  });

  test('a redirect to another host is not followed, and the token is sent on no redirect', async () => {
    await expect(downloadCapped(files.url('/away'), policy())).rejects.toThrow('not an allowed file host');
    expect(elsewhere.asked).toHaveLength(0);
    const data = await downloadCapped(files.url('/moved'), policy());
    expect(data?.toString()).toBe('hello');
    expect(files.asked.at(-1)).toEqual({ path: '/ok', authorization: undefined });
  });

  test('a body declared larger than the cap is not read', async () => {
    expect(await downloadCapped(files.url('/big-declared'), policy(8 * MB))).toBeNull();
  });

  test('a 40 MB chunked body against an 8 MB cap stops soon after the cap', async () => {
    expect(await downloadCapped(files.url('/big-chunked'), policy(8 * MB))).toBeNull();
    // Socket buffers hold a little more than what was read; far from the whole 40 MB.
    expect(files.written).toBeLessThan(20 * MB);
  });
});
