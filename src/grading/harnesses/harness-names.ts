// The names of the harnesses this grader ships, as plain strings the admin form can list without
// bundling the grader into the page. tests/unit/grading/code/harness-names.test.ts keeps it equal
// to HARNESSES in find-harness.ts.
export const HARNESS_NAMES = ['bash-deploy', 'python-compare-manifests', 'python-kubernetes-rollout-state', 'python-terraform-destructive-changes', 'python-endpoint-latency-percentiles', 'python-canary-verdict', 'python-slo-burn-rate-alerts', 'python-postgres-migration-lint', 'config-kubernetes-zero-downtime', 'config-ci-build-once-promote',
  'bash-deploy-health-rollback', 'bash-kubectl-canary-promotion', 'bash-nginx-blue-green-switch', 'bash-safe-log-cleanup'] as const;
