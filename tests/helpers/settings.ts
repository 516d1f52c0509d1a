import { loadSettings, SettingsError } from '../../src/config';

/** The problems loadSettings names for `env`, none when it loads. */
export function settingsProblems(env: Record<string, string>): SettingsError['problems'] {
  try {
    loadSettings(env);
    return [];
  } catch (error) {
    if (!(error instanceof SettingsError)) throw error;
    return error.problems;
  }
}
