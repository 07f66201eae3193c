// The runs of the bash-deploy harness: the script's arguments and the fault injected into the
// host model. The runner only ever sees the arguments; which fault a run injects stays here.
import { NEW_IMAGE, type DeployFaults } from './deploy-world';

export type DeployScenario = { id: DeployScenarioId; args: string[]; faults: DeployFaults };
export type DeployScenarioId = 'success' | 'pull-fails' | 'no-image' | 'stop-fails' | 'start-fails' | 'no-argument';

export const DEPLOY_SCENARIOS: DeployScenario[] = [
  { id: 'success', args: [NEW_IMAGE], faults: {} },
  { id: 'pull-fails', args: [NEW_IMAGE], faults: { pull: 'fails' } },
  { id: 'no-image', args: [NEW_IMAGE], faults: { pull: 'no-image' } },
  { id: 'stop-fails', args: [NEW_IMAGE], faults: { stop: 'fails' } },
  { id: 'start-fails', args: [NEW_IMAGE], faults: { start: 'fails' } },
  { id: 'no-argument', args: [], faults: {} },
];
