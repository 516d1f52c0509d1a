import { scenarioTests } from './scenario-tests';

/**
 * The fault suite's short version on PostgreSQL (when TEST_DATABASE_URL names a server): the app
 * as real processes, the database behind a proxy that cuts it, Slack and Discord fakes at 100–200 ms.
 * The storm runs here in `npm run chaos`; the short suite runs it on the embedded store.
 */
describe('the fault suite on PostgreSQL (short)', () => {
  scenarioTests(['a', 'c', 'd', 'e'], 'postgres', Boolean(process.env.TEST_DATABASE_URL));
});
