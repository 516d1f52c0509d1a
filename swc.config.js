/**
 * How TypeScript is compiled outside tsc: by Jest (@swc/jest) and by the test child processes
 * (tests/delivery/child/swc-register.js). Legacy decorators with metadata, for TypeORM; CommonJS.
 */
module.exports = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
    target: 'es2022',
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};
