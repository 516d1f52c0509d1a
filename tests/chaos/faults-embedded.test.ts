import { scenarioTests } from './scenario-tests';

/** The fault suite's scenario that applies to the embedded store (one process), at its short size. */
describe('the fault suite on the embedded store (short)', () => {
  scenarioTests(['b'], 'pglite', true);
});
