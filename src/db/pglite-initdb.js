// Creates an embedded data folder (PostgreSQL's initdb, inside PGlite) in a process of its own,
// then exits. PGlite runs initdb in a second PostgreSQL instance beside a third WebAssembly
// module; in the serving process their memory stayed resident for good (an idle helpdesk held
// 150-550 MB more after its first start than after a restart). A process that exits returns all of it.
'use strict';
const { PGlite, pgliteOptions } = require('./pglite-options');

async function main() {
  const db = await PGlite.create(process.argv[2], pgliteOptions());
  await db.close();
}

main().then(
  () => process.exit(0),
  (error) => {
    process.stderr.write(String(error && error.stack ? error.stack : error));
    process.exit(1);
  },
);
