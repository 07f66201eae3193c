// python-compare-manifests: the answer defines compare_manifests(old, new) -> bool, graded by the
// Python kit. Name and version stay those stored by the seeded question since issue 9: moving onto
// the kit changed no test and no verdict.
import { createPythonKitHarness } from '../python-kit/create-python-kit-harness';
import { PythonKitSpecSchema } from '../python-kit/kit-spec';
import { MANIFEST_CASES } from './manifest-cases';

export const pythonCompareManifestsSpec = PythonKitSpecSchema.parse({
  name: 'python-compare-manifests',
  version: 1,
  function: 'compare_manifests',
  compare: { mode: 'exact' },
  timeoutSeconds: 2,
  importTimeoutSeconds: 2,
  cases: MANIFEST_CASES,
});

export const pythonCompareManifestsHarness = createPythonKitHarness(pythonCompareManifestsSpec);
