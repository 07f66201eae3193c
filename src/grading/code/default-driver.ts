// The driver production grading uses: one bubblewrap driver per process (its setup, finding the
// tools and the cgroup hierarchy, is done once and shared by every run).
import { createBwrapDriver } from '../sandbox/create-bwrap-driver';
import type { SandboxDriver } from '../sandbox/sandbox-driver';

let shared: SandboxDriver | null = null;

export function defaultDriver(): SandboxDriver {
  shared ??= createBwrapDriver();
  return shared;
}
