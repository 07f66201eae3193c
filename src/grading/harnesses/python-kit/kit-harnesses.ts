// The code questions built on the Python kit: one spec (JSON data) each, checked when the grader
// loads. A new kit question adds its spec file here and its seed folder under seeds/content.
import type { Harness } from '../harness';
import { createPythonKitHarness } from './create-python-kit-harness';
import { PythonKitSpecSchema, type PythonKitSpec } from './kit-spec';
import canaryVerdict from './questions/python-canary-verdict.json';
import endpointLatencyPercentiles from './questions/python-endpoint-latency-percentiles.json';
import kubernetesRolloutState from './questions/python-kubernetes-rollout-state.json';
import postgresMigrationLint from './questions/python-postgres-migration-lint.json';
import sloBurnRateAlerts from './questions/python-slo-burn-rate-alerts.json';
import terraformDestructiveChanges from './questions/python-terraform-destructive-changes.json';

// A broken spec is our bug: it fails when the grader loads, not when a candidate is graded.
export const KIT_SPECS: readonly PythonKitSpec[] = [kubernetesRolloutState, terraformDestructiveChanges, endpointLatencyPercentiles, canaryVerdict, sloBurnRateAlerts, postgresMigrationLint].map((spec) => PythonKitSpecSchema.parse(spec));

export const KIT_HARNESSES: readonly Harness[] = KIT_SPECS.map((spec) => createPythonKitHarness(spec));
