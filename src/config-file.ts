import fs from 'node:fs';
import path from 'node:path';
import dotenv from 'dotenv';

/** The `.env` file of the working folder, which `npm start`, `npm run register-commands` and the migrations read. */
const envFile = () => path.resolve(process.cwd(), '.env');

/** Puts `.env`'s settings into process.env, quietly; a setting the environment already has wins over the file. */
export function loadEnvFile(): void {
  dotenv.config({ path: envFile(), quiet: true });
}

/** The names `.env` sets (none when there is no file), so start-up can name any chatdesk does not read. */
export function envFileNames(): string[] {
  try {
    return Object.keys(dotenv.parse(fs.readFileSync(envFile())));
  } catch {
    return [];
  }
}
