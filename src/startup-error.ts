import net from 'node:net';

/**
 * A setting that is wrong, found while starting (or, for a platform's credentials, later): the
 * process stops with this one line, which names the setting and says what to do. No stack: the
 * fault is in the settings, not the code.
 */
export class StartupError extends Error {
  constructor(
    readonly setting: string,
    problem: string,
  ) {
    super(`${setting}: ${problem}`);
    this.name = 'StartupError';
  }
}

/** What a failure to open `DATABASE_URL` means to the person who set it, or undefined when it is not about the setting. */
export function databaseStartupError(error: unknown, url: string): StartupError | undefined {
  const e = error as { code?: string; message?: string };
  let where = 'the server';
  try {
    const parsed = new URL(url);
    where = `${parsed.hostname}:${parsed.port || 5432}`;
  } catch {
    // loadSettings refuses a URL that does not parse; keep the generic wording.
  }
  const database = (() => {
    try {
      return decodeURIComponent(new URL(url).pathname.slice(1)) || 'postgres';
    } catch {
      return 'the database';
    }
  })();
  const problem: Record<string, string> = {
    ECONNREFUSED: `nothing accepts connections at ${where}: start PostgreSQL there, or correct the host and port`,
    ENOTFOUND: `the host in it does not exist (${where}): correct the host name`,
    EAI_AGAIN: `the host in it could not be looked up (${where}): check the host name and DNS`,
    ETIMEDOUT: `no answer from ${where}: check the host, port and firewall`,
    EHOSTUNREACH: `${where} cannot be reached: check the host and the network`,
    '3D000': `the database "${database}" does not exist on ${where}: create it (createdb ${database}) or name another`,
    '28P01': `the server refused the user name or password: correct them`,
    '28000': `the server refused this user or client (pg_hba.conf): correct the user, or allow it on the server`,
    '57P03': `the server at ${where} is starting up or shutting down: try again in a moment`,
  };
  const code = e?.code ?? (/timeout/i.test(e?.message ?? '') ? 'ETIMEDOUT' : undefined);
  if (code && problem[code]) return new StartupError('DATABASE_URL', problem[code]);
  return undefined;
}

/** A data folder that cannot be made or written. */
export function dataDirStartupError(error: unknown, dataDir: string): StartupError | undefined {
  const code = (error as { code?: string })?.code;
  if (!code || !['EACCES', 'EPERM', 'EROFS', 'ENOTDIR', 'EEXIST', 'ENOSPC'].includes(code)) return undefined;
  return new StartupError(
    'DATA_DIR',
    `cannot write the embedded database's folder ${dataDir} (${code}): point DATA_DIR at a folder this user can write`,
  );
}

/** A port that cannot be listened on. */
export function listenStartupError(error: unknown, host: string, port: number): StartupError | undefined {
  const code = (error as { code?: string })?.code;
  if (code === 'EADDRINUSE')
    return new StartupError(
      'PORT',
      `port ${port} is already in use on ${host}: set PORT to a free port, or stop what holds it`,
    );
  if (code === 'EACCES')
    return new StartupError('PORT', `this user may not listen on port ${port}: set PORT to 1024 or above`);
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND' || code === 'EAI_AGAIN')
    return new StartupError(
      'HOST',
      `${host} is not an address of this machine (${code}): use 0.0.0.0, 127.0.0.1 or one of its addresses`,
    );
  return undefined;
}

/**
 * Refuses a port another program holds before anything slow starts (the database takes seconds):
 * listens on it and lets go at once. The real listen later still names the setting if it fails.
 */
export async function refuseTakenPort(port: number, host: string): Promise<void> {
  if (port === 0) return;
  const probe = net.createServer();
  await new Promise<void>((resolve, reject) => {
    probe.once('error', (error) => reject(listenStartupError(error, host, port) ?? error));
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}
