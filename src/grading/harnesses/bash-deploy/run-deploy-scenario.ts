// One bash-deploy scenario in its own jail (the shared runner: ../bash-kit/run-relayed-script.ts),
// answered from a fresh model of the host with the scenario's faults.
import type { SandboxDriver, SandboxFile, SandboxLimits } from '../../sandbox/sandbox-driver';
import { runRelayedScript, type ScenarioRun as RelayedRun } from '../bash-kit/run-relayed-script';
import type { DeployScenario } from './deploy-scenarios';
import { createDeployWorld, type DeployWorld } from './deploy-world';
import { createRelaySession, MAX_CALLS_PER_SCENARIO, type CallBudget } from './relay-session';

export type ScenarioRun = RelayedRun<DeployWorld>;

// `group` names the grading: its jails share one CPU weight against other gradings.
export async function runDeployScenario(scenario: DeployScenario, files: SandboxFile[], limits: Partial<SandboxLimits>, budget: CallBudget, group: string, driver: SandboxDriver): Promise<ScenarioRun> {
  const controller = new AbortController();
  const session = createRelaySession(createDeployWorld({ faults: scenario.faults }), budget, () => controller.abort());
  return runRelayedScript({ script: 'deploy.sh', args: scenario.args, files, limits, session, maxCalls: MAX_CALLS_PER_SCENARIO, controller, group }, driver);
}
