// Lets a plain `node` child process run the TypeScript sources, compiled on the fly with the same
// SWC settings as jest (legacy decorators with metadata, for TypeORM; CommonJS). The project has
// no ts-node/tsx, and tests must not depend on a build. Usage: node -r ./swc-register.js file.ts
'use strict';
const fs = require('node:fs');
const Module = require('node:module');
const { transformSync } = require('@swc/core');

const options = require('../../../swc.config');

Module._extensions['.ts'] = function compileTypeScript(module, filename) {
  const { code } = transformSync(fs.readFileSync(filename, 'utf8'), { ...options, filename });
  module._compile(code, filename);
};
