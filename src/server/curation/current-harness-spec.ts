// The spec a code question's newest version is graded with (docs/decisions/021): the one stored
// on the version, or else the grader's built-in spec for its harness; null for a harness that is
// not built from data (a configuration checker) or no harness yet.
import { builtInSpec } from '@/grading/harnesses/harness-from-spec';
import type { HarnessSpec } from '@/grading/harnesses/harness-spec';
import type { Material } from './schemas';

export type CurrentHarnessSpec = { spec: HarnessSpec; isBuiltIn: boolean };

export function currentHarnessSpec(material: Pick<Material, 'harness' | 'harnessSpec'>): CurrentHarnessSpec | null {
  if (material.harnessSpec) return { spec: material.harnessSpec, isBuiltIn: false };
  const shipped = material.harness ? builtInSpec(material.harness.name) : undefined;
  return shipped ? { spec: shipped, isBuiltIn: true } : null;
}
