// The harnesses this grader ships, looked up by the name a question stores.
import { bashDeployHarness } from './bash-deploy/bash-deploy-harness';
import { BASH_KIT_HARNESSES } from './bash-kit/bash-kit-harnesses';
import { CONFIG_HARNESSES } from './config-kit/config-harnesses';
import type { Harness } from './harness';
import { pythonCompareManifestsHarness } from './python-compare-manifests/python-compare-manifests-harness';
import { KIT_HARNESSES } from './python-kit/kit-harnesses';

export const HARNESSES: readonly Harness[] = [bashDeployHarness, pythonCompareManifestsHarness, ...KIT_HARNESSES, ...CONFIG_HARNESSES, ...BASH_KIT_HARNESSES];

export function findHarness(name: string): Harness | undefined {
  return HARNESSES.find((harness) => harness.name === name);
}
