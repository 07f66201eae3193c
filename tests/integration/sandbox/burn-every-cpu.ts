// CPU burners that make the host busy for the busy-host tests: `perCpu` per core, each spinning
// Python. Each runs in a session of its own, as other programs on a busy host do: with the kernel's
// autogroups (`sched_autogroup_enabled`), burners sharing the test's session count as one task
// group and together weigh no more than one nice-0 process, so how much CPU a jail got beside
// them varied from run to run (a starved jail got 'wall-time' in 3 of 15 runs, 2026-12-04).
// A burner ends itself once the test process is gone, so a crashed test leaves no orphans spinning.
import { spawn } from 'node:child_process';
import os from 'node:os';

const BURN = 'import os, itertools\nparent = os.getppid()\nfor i in itertools.count():\n    if i % 1000000 == 0 and os.getppid() != parent: break\n';

// Starts the burners; the returned function stops them.
export function burnEveryCpu(perCpu: number): () => void {
  const burners = Array.from({ length: os.availableParallelism() * perCpu }, () => spawn('/usr/bin/python3', ['-c', BURN], { stdio: 'ignore', detached: true }));
  return () => {
    for (const burner of burners) burner.kill('SIGKILL');
  };
}
