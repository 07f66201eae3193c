// The code questions built on the Bash world kit: one spec (JSON data) each, checked when the
// grader loads. A new one adds its spec file here, its name in harness-names.ts and its seed folder.
import type { Harness } from '../harness';
import { BashKitSpecSchema, type BashKitSpec } from './bash-kit-spec';
import { createBashKitHarness } from './create-bash-kit-harness';
import deployHealthRollback from './questions/bash-deploy-health-rollback.json';
import kubectlCanaryPromotion from './questions/bash-kubectl-canary-promotion.json';
import nginxBlueGreenSwitch from './questions/bash-nginx-blue-green-switch.json';
import safeLogCleanup from './questions/bash-safe-log-cleanup.json';

// A broken spec is our bug: it fails when the grader loads, not when a candidate is graded.
export const BASH_KIT_SPECS: readonly BashKitSpec[] = [deployHealthRollback, kubectlCanaryPromotion, nginxBlueGreenSwitch, safeLogCleanup].map((spec) => BashKitSpecSchema.parse(spec));

export const BASH_KIT_HARNESSES: readonly Harness[] = BASH_KIT_SPECS.map((spec) => createBashKitHarness(spec));
