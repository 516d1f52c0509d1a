import fs from 'node:fs';
import path from 'node:path';
import { PermissionFlagsBits } from 'discord.js';
import { BOT_PERMISSIONS, botPermissionBits, inviteUrl } from '../../src/bots/discord/permissions';

/** The README's list under "Connecting Discord": `- **Name**: why`. */
function readmePermissions(): Array<{ name: string; why: string }> {
  const readme = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Connecting Discord'), readme.indexOf('## Connecting Slack'));
  return [...section.matchAll(/^ +- \*\*(.+?)\*\*: (.+)$/gm)].map(([, name, why]) => ({ name, why }));
}

describe("the Discord bot's permissions", () => {
  test('the README lists exactly the permissions the code asks for, with the same reasons', () => {
    expect(readmePermissions()).toEqual(
      BOT_PERMISSIONS.map((p) => ({ name: p.name, why: p.why.replace('/helpdesk redact', '`/helpdesk redact`') })),
    );
  });

  test('they include what note threads and redaction need', () => {
    const flags = BOT_PERMISSIONS.map((p) => p.flag);
    expect(flags).toEqual(expect.arrayContaining(['CreatePublicThreads', 'CreatePrivateThreads', 'ManageMessages']));
  });

  test('the invite link carries exactly those bits, the bot and commands scopes, and the server', () => {
    const url = new URL(inviteUrl('200000000000000001', '100000000000000001'));
    expect(url.origin + url.pathname).toBe('https://discord.com/oauth2/authorize');
    expect(url.searchParams.get('scope')).toBe('bot applications.commands');
    expect(url.searchParams.get('guild_id')).toBe('100000000000000001');
    const bits = BigInt(url.searchParams.get('permissions')!);
    expect(bits).toBe(botPermissionBits());
    const granted = Object.entries(PermissionFlagsBits)
      .filter(([, bit]) => (bits & bit) === bit)
      .map(([flag]) => flag)
      .sort();
    expect(granted).toEqual(BOT_PERMISSIONS.map((p) => p.flag as string).sort());
  });
});
