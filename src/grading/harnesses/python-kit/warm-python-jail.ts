// A pre-started ("warm") Python jail per driver (../../sandbox/warm-jail.ts), so a Python grading
// does not wait for a jail and a Python process to start: between gradings one jail is already
// up, its supervisor (python-runner-source.ts, "--warm") started, undumpable, connected and
// waiting on its channel. A grading claims it and sends the settings and the answer as the
// channel's first message. It lacks only /harness/answer.py and cases.json of the cold jail
// (their content arrives over the channel). It is taken out of its slot before it is used, the
// supervisor exits after one answer, and the next grading gets a fresh one (started once this
// grading is done). One left unclaimed for WARM_JAIL_IDLE_MS is ended and not replaced until the
// next grading.
import { DEFAULT_LIMITS, JAIL_CHANNEL_PATH, JAIL_FILES_DIR, type SandboxDriver } from '../../sandbox/sandbox-driver';
import { createWarmSlot, startWarmJail, WARM_JAIL_IDLE_MS, type WarmJail } from '../../sandbox/warm-jail';
import { PYTHON_RUNNER_PY, RUNNER_BUSY_HOST_STRETCH } from './python-runner-source';

function start(driver: SandboxDriver): WarmJail {
  return startWarmJail(
    driver,
    {
      command: ['/usr/bin/python3', '-I', '-S', '-B', `${JAIL_FILES_DIR}/runner.py`, '--warm', JAIL_CHANNEL_PATH],
      files: [{ path: 'runner.py', content: PYTHON_RUNNER_PY }],
      asPid1: true,
      // As the cold jail's (create-python-kit-harness.ts): room for the runner's stretched deadlines.
      stretchWallOnBusyHost: RUNNER_BUSY_HOST_STRETCH,
      // The cold jail's limits; its wall limit is the claimer's, counted from the claim.
      limits: DEFAULT_LIMITS,
    },
    WARM_JAIL_IDLE_MS,
  );
}

const slot = createWarmSlot(start);

// The driver's warm jail, taken out of its slot (null: the driver keeps none, or it has ended).
export const takeWarmJail = slot.take;

// Starts the driver's next warm jail unless one is waiting (after a grading, off its path).
export const prestartWarmJail = slot.prestart;
