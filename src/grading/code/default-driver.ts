// The driver production grading uses: one bubblewrap driver per process (its setup, finding the
// tools and the cgroup hierarchy, is done once and shared by every run).
import { createBwrapDriver } from '../sandbox/create-bwrap-driver';
import type { SandboxDriver } from '../sandbox/sandbox-driver';
import { reportSandboxRun } from '../sandbox/sandbox-events';

let shared: SandboxDriver | null = null;

export function defaultDriver(): SandboxDriver {
  if (!shared) {
    const driver = createBwrapDriver();
    // Each run is reported for metrics (src/server/observability/metrics.ts).
    shared = { name: driver.name, run: (spec) => driver.run(spec).then((result) => (reportSandboxRun(result), result)), prestarts: driver.prestarts };
  }
  return shared;
}
