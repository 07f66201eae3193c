// The harnesses this grader ships, as plain data the admin form can use without bundling the
// grader into the page: each one's name, the answer kind it grades, its version and the kit that
// builds it from a spec (null for a harness that is not data). tests/unit/grading/code/harness-names.test.ts
// keeps it equal to HARNESSES in find-harness.ts and to the built-in specs.
import type { CodeKind } from '../code/code-kind';
import type { HarnessSpecKit } from './harness-spec';

export type HarnessListing = { name: string; kind: CodeKind; version: number; kit: HarnessSpecKit | null };

const python = (name: string): HarnessListing => ({ name, kind: 'python', version: 1, kit: 'python-kit' });
const bash = (name: string): HarnessListing => ({ name, kind: 'bash', version: 1, kit: 'bash-kit' });
const config = (name: string): HarnessListing => ({ name, kind: 'config', version: 1, kit: null });

export const HARNESS_LISTINGS: readonly HarnessListing[] = [
  bash('bash-deploy'),
  python('python-compare-manifests'),
  python('python-kubernetes-rollout-state'),
  python('python-terraform-destructive-changes'),
  python('python-endpoint-latency-percentiles'),
  python('python-canary-verdict'),
  python('python-slo-burn-rate-alerts'),
  python('python-postgres-migration-lint'),
  config('config-kubernetes-zero-downtime'),
  config('config-ci-build-once-promote'),
  bash('bash-deploy-health-rollback'),
  bash('bash-kubectl-canary-promotion'),
  bash('bash-nginx-blue-green-switch'),
  bash('bash-safe-log-cleanup'),
];

export const HARNESS_NAMES = HARNESS_LISTINGS.map((h) => h.name);

export function findHarnessListing(name: string): HarnessListing | undefined {
  return HARNESS_LISTINGS.find((h) => h.name === name);
}
