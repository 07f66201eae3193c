// Lets the process that grades count what the sandbox did (limits hit, output capped, infra
// failures) without the grader knowing about metrics: the default driver reports each run here.
import type { SandboxResult } from './sandbox-driver';

type Listener = (result: Pick<SandboxResult, 'killedBy' | 'infraError' | 'stdoutTruncated' | 'stderrTruncated' | 'durationMs'>) => void;

const listeners = new Set<Listener>();

export function onSandboxRun(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function reportSandboxRun(result: SandboxResult): void {
  for (const listener of listeners) {
    try {
      listener(result);
    } catch {
      // An observer must never change a grade.
    }
  }
}
