import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { slackListenerIds } from '../../src/bots/slack';
import { HELPDESK } from '../../src/bots/slack/commands/helpdesk';
import { KB } from '../../src/bots/slack/commands/kb';
import { TICKETS } from '../../src/bots/slack/commands/tickets';
import { SCOPES_BY_EVENT, SCOPES_BY_METHOD, SCOPES_FOR_FEATURES } from '../../src/bots/slack/scopes';

/**
 * The two Slack app manifests a new user pastes into "Create New App → From a manifest": valid
 * YAML, within Slack's documented manifest rules (the limits of Slack's own manifest schema,
 * github.com/slackapi/manifest-schema, v1), and in step with the code: every command, shortcut
 * and event the adapter registers is in them and nothing else is; every scope the code needs and
 * no other.
 */
const root = path.join(__dirname, '..', '..');
const MANIFESTS = { http: 'slack/manifest.yml', socketMode: 'slack/manifest.socket-mode.yml' } as const;
const read = (file: string) =>
  parse(fs.readFileSync(path.join(root, file), 'utf8'), { strict: true, uniqueKeys: true });
const manifests = Object.entries(MANIFESTS).map(([mode, file]) => ({ mode, file, manifest: read(file) }));

/** The keys Slack's schema allows at each level (it refuses any other). */
const ALLOWED_KEYS: Record<string, string[]> = {
  '': ['_metadata', 'display_information', 'features', 'oauth_config', 'settings'],
  display_information: ['name', 'description', 'background_color', 'long_description'],
  features: ['app_home', 'bot_user', 'shortcuts', 'slash_commands', 'unfurl_domains'],
  'features.app_home': ['home_tab_enabled', 'messages_tab_enabled', 'messages_tab_read_only_enabled'],
  'features.bot_user': ['display_name', 'always_online'],
  'features.shortcuts[]': ['name', 'type', 'callback_id', 'description'],
  'features.slash_commands[]': ['command', 'url', 'description', 'usage_hint', 'should_escape'],
  oauth_config: ['redirect_urls', 'scopes', 'token_management_enabled'],
  'oauth_config.scopes': ['user', 'bot'],
  settings: [
    'allowed_ip_address_ranges',
    'event_subscriptions',
    'incoming_webhooks',
    'interactivity',
    'org_deploy_enabled',
    'socket_mode_enabled',
    'token_rotation_enabled',
  ],
  'settings.event_subscriptions': ['request_url', 'user_events', 'bot_events'],
  'settings.interactivity': ['is_enabled', 'request_url', 'message_menu_options_url'],
};

function unknownKeys(manifest: any): string[] {
  const found: string[] = [];
  for (const [where, allowed] of Object.entries(ALLOWED_KEYS)) {
    const list = where.endsWith('[]');
    const at = where.replace(/\[\]$/, '');
    const value = at === '' ? manifest : at.split('.').reduce((v, k) => v?.[k], manifest);
    for (const item of list ? (value ?? []) : value ? [value] : [])
      for (const key of Object.keys(item)) if (!allowed.includes(key)) found.push(`${where}.${key}`);
  }
  return found;
}

/** Text lengths as Slack counts them (characters, not bytes). */
const length = (text: unknown) => [...String(text ?? '')].length;
const within = (text: unknown, min: number, max: number) => length(text) >= min && length(text) <= max;

describe.each(manifests)('$file', ({ mode, manifest }) => {
  test('uses only keys Slack knows, and has the ones it requires', () => {
    expect(unknownKeys(manifest)).toEqual([]);
    expect(manifest.display_information?.name).toBeTruthy();
    expect(manifest.features.bot_user?.display_name).toBeTruthy(); // an app with bot scopes needs its bot user
  });

  test('stays within the documented lengths and values', () => {
    const info = manifest.display_information;
    expect(within(info.name, 1, 35)).toBe(true);
    if (info.description !== undefined) expect(within(info.description, 1, 140)).toBe(true);
    if (info.long_description !== undefined) expect(within(info.long_description, 175, 4000)).toBe(true);
    if (info.background_color !== undefined)
      expect(info.background_color).toMatch(/^#[0-9a-fA-F]{3}([0-9a-fA-F]{3})?$/);
    expect(within(manifest.features.bot_user.display_name, 1, 80)).toBe(true);

    const shortcuts: any[] = manifest.features.shortcuts;
    expect(shortcuts.length).toBeLessThanOrEqual(10);
    for (const s of shortcuts) {
      expect({ name: s.name, fits: within(s.name, 1, 24) }).toEqual({ name: s.name, fits: true });
      expect(['message', 'global']).toContain(s.type);
      expect(within(s.callback_id, 1, 255)).toBe(true);
      expect({ name: s.name, description: within(s.description, 1, 150) }).toEqual({ name: s.name, description: true });
    }
    const commands: any[] = manifest.features.slash_commands;
    expect(commands.length).toBeLessThanOrEqual(50);
    for (const c of commands) {
      expect(c.command).toMatch(/^\/[^\s]{1,31}$/);
      expect({ command: c.command, description: within(c.description, 1, 2000) }).toEqual({
        command: c.command,
        description: true,
      });
      if (c.usage_hint !== undefined)
        expect({ command: c.command, usageHint: within(c.usage_hint, 1, 1000) }).toEqual({
          command: c.command,
          usageHint: true,
        });
    }
    const scopes: string[] = manifest.oauth_config.scopes.bot;
    expect(new Set(scopes).size).toBe(scopes.length);
    for (const s of scopes) expect(length(s)).toBeLessThanOrEqual(50);
    const events: string[] = manifest.settings.event_subscriptions.bot_events;
    expect(new Set(events).size).toBe(events.length);
    expect(events.length).toBeLessThanOrEqual(100);
  });

  test('points Slack at chatdesk the way its transport needs', () => {
    const urls = [
      ...manifest.features.slash_commands.map((c: any) => c.url),
      manifest.settings.event_subscriptions.request_url,
      manifest.settings.interactivity.request_url,
    ];
    if (mode === 'http') {
      expect(manifest.settings.socket_mode_enabled).toBe(false);
      for (const url of urls) expect(url).toMatch(/^https:\/\/[^/]+\/slack\/events$/);
    } else {
      expect(manifest.settings.socket_mode_enabled).toBe(true);
      expect(urls.filter(Boolean)).toEqual([]);
    }
  });
});

describe('the manifests and the code', () => {
  const registered = slackListenerIds();
  const ids = (kind: string) =>
    registered
      .filter((r) => r.kind === kind)
      .map((r) => r.id)
      .filter((id): id is string => typeof id === 'string')
      .sort();

  test.each(manifests)(
    '$file has every slash command, shortcut and event the adapter registers, and no other',
    ({ manifest }) => {
      expect(manifest.features.slash_commands.map((c: any) => c.command).sort()).toEqual(ids('command'));
      expect(manifest.features.shortcuts.map((s: any) => s.callback_id).sort()).toEqual(ids('shortcut'));
      // A manifest names message events by where they happen (message.im …); the adapter listens to `message`.
      const subscribed: string[] = manifest.settings.event_subscriptions.bot_events;
      expect([...new Set(subscribed.map((e) => e.split('.')[0]))].sort()).toEqual(ids('event'));
      // Buttons, selects and forms (actions and views) come through interactivity, which must be on.
      expect(registered.some((r) => r.kind === 'action')).toBe(true);
      expect(ids('view').length).toBeGreaterThan(0);
      expect(manifest.settings.interactivity.is_enabled).toBe(true);
    },
  );

  test.each(manifests)('$file asks for every scope the code uses and no other', ({ manifest }) => {
    // Every Web API call in the adapter's source, as `client.<group>.<method>(`.
    const dir = path.join(root, 'src', 'bots', 'slack');
    const sources = fs
      .readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts'))
      .map((f) => fs.readFileSync(path.join(dir, f), 'utf8'))
      .join('\n');
    const methods = new Set([...sources.matchAll(/\bclient\.([a-z]+)\.([a-zA-Z]+)\(/g)].map(([, g, m]) => `${g}.${m}`));
    expect([...methods].filter((m) => !(m in SCOPES_BY_METHOD))).toEqual([]); // a new call: add its scopes to scopes.ts
    const needed = new Set<string>([
      ...[...methods].flatMap((m) => SCOPES_BY_METHOD[m]),
      ...manifest.settings.event_subscriptions.bot_events.flatMap(
        (e: string) => SCOPES_BY_EVENT[e] ?? [`unknown event ${e}`],
      ),
      ...SCOPES_FOR_FEATURES.commandsAndShortcuts,
      ...(sources.includes('downloadCapped(') ? SCOPES_FOR_FEATURES.fileDownloads : []),
      ...(sources.includes('icon_url') ? SCOPES_FOR_FEATURES.postAsStaff : []),
    ]);
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([...needed].sort());
  });

  test.each(manifests)("$file's usage hints name every sub-command Slack answers", ({ manifest }) => {
    // Slack shows the hint as the command is typed: a sub-command missing from it is one nobody finds.
    const tables = { '/tickets': TICKETS, '/kb': KB, '/helpdesk': HELPDESK };
    const missing = Object.entries(tables).flatMap(([command, table]) => {
      const hint: string = manifest.features.slash_commands.find((c: any) => c.command === command).usage_hint;
      const words = new Set(hint.split(/[^a-z0-9]+/));
      const subCommands = new Set(Object.keys(table).flatMap((key) => key.split(' ').filter((w) => /^[a-z]/.test(w))));
      return [...subCommands].filter((word) => !words.has(word)).map((word) => `${command} ${word}`);
    });
    expect(missing).toEqual([]);
  });

  test.each(manifests)('$file has Slack escape the people, channels and links its commands read', ({ manifest }) => {
    // Unescaped, Slack sends "@Tim" and "#support" as typed; the commands read <@U…|tim>, <#C…|support>
    // and <https://…> (parseMention, setup's channel, the redacted message's link).
    const reading = manifest.features.slash_commands.filter((c: any) =>
      /@person|#channel|LINK/.test(c.usage_hint ?? ''),
    );
    expect(reading.map((c: any) => c.command).sort()).toEqual(['/helpdesk', '/ticket', '/tickets']);
    for (const c of reading)
      expect({ command: c.command, escaped: c.should_escape }).toEqual({ command: c.command, escaped: true });
  });

  test('the Socket Mode manifest is the HTTP one without its addresses', () => {
    const [http, socket] = manifests.map((m) => structuredClone(m.manifest));
    for (const c of http.features.slash_commands) delete c.url;
    delete http.settings.event_subscriptions.request_url;
    delete http.settings.interactivity.request_url;
    http.settings.socket_mode_enabled = true;
    expect(socket).toEqual(http);
  });
});
