import { lifecycleScenario, SCENARIO_START, type ScenarioTarget } from '../support/scenario';
import { platformTarget, startTestPlatform, type TestPlatform } from '../support/platform';

describe('procurement lifecycle: register → tender → bids → evaluation → award over Christmas → challenge → register', () => {
  let p: TestPlatform;
  let target: ScenarioTarget;
  beforeAll(async () => {
    p = await startTestPlatform(SCENARIO_START);
    target = platformTarget(p);
  });
  afterAll(() => p.close());

  lifecycleScenario(() => target);
});
