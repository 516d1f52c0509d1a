// PGlite's options, the same for the process that creates a data folder and the thread that serves it.
'use strict';
// V8 compiles PostgreSQL's WebAssembly with its baseline compiler (Liftoff) and then recompiles
// the busy functions with its optimising one (TurboFan) on background threads, whose working
// memory stayed in their malloc arenas: 40-60 MB resident for good, more after a first start's
// migrations. Liftoff alone keeps it out. The flag is the process's (compilation reads it; nothing
// else here is WebAssembly but Node's own small HTTP parser). PostgreSQL's own work costs 20-30 %
// more CPU time without TurboFan; the helpdesk's statements spend most of theirs in JavaScript.
require('node:v8').setFlagsFromString('--liftoff-only');
const { PGlite } = require('@electric-sql/pglite');
// Contrib extensions ship as separate bundles that PGlite must be handed at start-up; only then
// can a migration's `CREATE EXTENSION pg_trgm` find it (look-alike incident detection needs it).
const { pg_trgm } = require('@electric-sql/pglite/contrib/pg_trgm');

/**
 * PostgreSQL's memory settings, sized for one helpdesk's process rather than a database server's
 * share of a machine. PGlite's WebAssembly memory grows to hold whatever PostgreSQL allocates and
 * never gives it back, so a setting here is resident memory for the life of the process.
 * - shared_buffers: initdb writes 128MB into postgresql.conf (PGlite then holds 189 MB of
 *   WebAssembly memory, 150 MB of it resident, before any traffic); 16MB held 32 MB resident, 8MB
 *   holds 24 MB. Pages it does not hold are read from the files through the system's page cache,
 *   which the process does not pay for (a few percent more CPU time in the jobs bench).
 * - maintenance_work_mem: what one CREATE INDEX or VACUUM may take (64MB by default), kept after.
 */
const MEMORY_SETTINGS = ['shared_buffers=8MB', 'maintenance_work_mem=16MB'];

function pgliteOptions() {
  const settings = MEMORY_SETTINGS.flatMap((setting) => ['-c', setting]);
  return {
    extensions: { pg_trgm },
    startParams: [...PGlite.defaultStartParams, ...settings],
    // initdb's own PostgreSQL runs with them too (its peak is about 40 MB lower), and writes them into postgresql.conf.
    initDbStartParams: settings,
  };
}

module.exports = { PGlite, pgliteOptions };
