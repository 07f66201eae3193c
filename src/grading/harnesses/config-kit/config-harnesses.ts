// The configuration questions (docs/decisions/019): a spec each, checked when the grader loads.
// A new one adds its spec here, its name in harness-names.ts and its seed folder.
import type { Harness } from '../harness';
import { createConfigHarness } from './create-config-harness';
import { ciBuildOncePromote } from './questions/config-ci-build-once-promote';
import { kubernetesZeroDowntime } from './questions/config-kubernetes-zero-downtime';

export const CONFIG_HARNESSES: readonly Harness[] = [kubernetesZeroDowntime, ciBuildOncePromote].map((spec) => createConfigHarness(spec));
