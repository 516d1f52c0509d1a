import fs from 'node:fs';
import path from 'node:path';
import { loadSettings, retiredSettingsIn, SETTING_NAMES } from '../../src/config';

/**
 * A new user copies .env.example to .env: every setting it writes out must be the default the
 * code has, or copying it would quietly change the helpdesk (it once kept look-alike thresholds
 * from before they were tuned). Examples of settings that name a person are comments.
 */

test('every value .env.example writes out is the default the code has', () => {
  const example = fs.readFileSync(path.join(__dirname, '..', '..', '.env.example'), 'utf8');
  const written = [...example.matchAll(/^([A-Z][A-Z0-9_]*)=(.*)$/gm)].map(([, key, value]) => ({ key, value }));
  expect(written.length).toBeGreaterThan(10);
  const defaults = loadSettings({}) as Record<string, unknown>;
  const differing = written
    .filter(
      ({ key, value }) =>
        JSON.stringify((loadSettings({ [key]: value }) as Record<string, unknown>)[key]) !==
        JSON.stringify(defaults[key]),
    )
    .map(({ key, value }) => `${key}=${value}`);
  expect(differing).toEqual([]);
});

test('the retired look-alike settings are named when still set, so start-up can warn about them once', () => {
  expect(retiredSettingsIn({ MAJOR_TRIGRAM_AT: '0.7', MAJOR_SHARED_AT: '0.3', MAJOR_PROPOSE_AT: '3' })).toEqual([
    'MAJOR_TRIGRAM_AT',
    'MAJOR_SHARED_AT',
  ]);
  expect(retiredSettingsIn({ MAJOR_LOOK_ALIKE_AT: '0.3', MAJOR_SERVICE_BONUS: '' })).toEqual([]);
  // They parse still (an old .env keeps starting), and change nothing.
  expect(loadSettings({ MAJOR_SHARED_MIN: '2' })).toEqual(loadSettings({}));
});

test('.env.example makes no one an admin: its example ids are commented out', () => {
  const example = fs.readFileSync(path.join(__dirname, '..', '..', '.env.example'), 'utf8');
  expect(example).toMatch(/^HELPDESK_ADMINS=$/m);
  expect(loadSettings({ HELPDESK_ADMINS: example.match(/^HELPDESK_ADMINS=(.*)$/m)![1] }).HELPDESK_ADMINS).toEqual([]);
});

test('every setting the code reads is explained in .env.example and in the README, and no other', () => {
  const root = path.join(__dirname, '..', '..');
  const example = fs.readFileSync(path.join(root, '.env.example'), 'utf8');
  const inExample = [...example.matchAll(/^#? ?([A-Z][A-Z0-9_]*)=/gm)].map(([, key]) => key);
  expect([...new Set(inExample)].sort()).toEqual([...SETTING_NAMES].sort());
  // The README's settings table: one row per setting (a row may name two).
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
  const table = readme.slice(readme.indexOf('## Settings'), readme.indexOf('\n## ', readme.indexOf('## Settings') + 1));
  const inTable = [...table.matchAll(/^\| ([^|]+)\|/gm)].flatMap(([, cell]) =>
    [...cell.matchAll(/`([A-Z][A-Z0-9_]*)`/g)].map(([, key]) => key),
  );
  expect([...new Set(inTable)].sort()).toEqual([...SETTING_NAMES].sort());
});
