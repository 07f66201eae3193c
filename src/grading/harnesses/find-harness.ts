// The harnesses this grader ships, looked up by the name a question stores.
import { bashDeployHarness } from './bash-deploy/bash-deploy-harness';
import type { Harness } from './harness';
import { pythonCompareManifestsHarness } from './python-compare-manifests/python-compare-manifests-harness';

export const HARNESSES: readonly Harness[] = [bashDeployHarness, pythonCompareManifestsHarness];

export function findHarness(name: string): Harness | undefined {
  return HARNESSES.find((harness) => harness.name === name);
}
