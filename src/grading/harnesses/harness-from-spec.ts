// Harnesses from specs (docs/decisions/021): the kit named by a stored spec builds the harness,
// and every harness a kit ships says which spec it was built from, so an admin starts editing
// from the built-in one. Without a stored spec, grading finds the built-in harness by name.
import { BASH_DEPLOY_SPEC } from './bash-deploy/bash-deploy-harness';
import { BASH_KIT_SPECS } from './bash-kit/bash-kit-harnesses';
import { createBashKitHarness } from './bash-kit/create-bash-kit-harness';
import type { Harness } from './harness';
import type { HarnessSpec } from './harness-spec';
import { pythonCompareManifestsSpec } from './python-compare-manifests/python-compare-manifests-harness';
import { createPythonKitHarness } from './python-kit/create-python-kit-harness';
import { KIT_SPECS } from './python-kit/kit-harnesses';

const BUILT_IN_SPECS: readonly HarnessSpec[] = [
  ...[pythonCompareManifestsSpec, ...KIT_SPECS].map((spec) => ({ kit: 'python-kit' as const, spec })),
  ...[BASH_DEPLOY_SPEC, ...BASH_KIT_SPECS].map((spec) => ({ kit: 'bash-kit' as const, spec })),
];

// The spec a shipped harness is built from, or undefined for a harness that is not data (the
// configuration checkers).
export function builtInSpec(harnessName: string): HarnessSpec | undefined {
  return BUILT_IN_SPECS.find((s) => s.spec.name === harnessName);
}

// `spec` has passed HarnessSpecSchema (at the grade request's edge, or when it was saved).
export function harnessFromSpec(spec: HarnessSpec): Harness {
  switch (spec.kit) {
    case 'python-kit':
      return createPythonKitHarness(spec.spec);
    case 'bash-kit':
      return createBashKitHarness(spec.spec);
  }
}
