// The code questions built on the Bash world kit: one spec (JSON data) each, checked when the
// grader loads. A new one adds its spec file here, its name in harness-names.ts and its seed folder.
import type { Harness } from '../harness';
import { createBashKitHarness } from './create-bash-kit-harness';
import deployHealthRollback from './questions/bash-deploy-health-rollback.json';
import kubectlCanaryPromotion from './questions/bash-kubectl-canary-promotion.json';
import nginxBlueGreenSwitch from './questions/bash-nginx-blue-green-switch.json';
import safeLogCleanup from './questions/bash-safe-log-cleanup.json';

export const BASH_KIT_HARNESSES: readonly Harness[] = [deployHealthRollback, kubectlCanaryPromotion, nginxBlueGreenSwitch, safeLogCleanup].map((spec) => createBashKitHarness(spec));
