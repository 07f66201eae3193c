// What a stop signal asks of a process that is already stopping. Ctrl-C in a terminal reaches each
// process `npm start` supervises twice: SIGINT from the terminal (it signals the whole foreground
// process group) and, once npm start gets to that process, SIGTERM from npm start passing the stop
// on. That second one is the same request: the process goes on stopping in order. The same signal
// again (a second Ctrl-C, a second SIGTERM) is someone insisting: the process exits at once.
export type StopAnswer = 'stop' | 'already-stopping' | 'force';

export function createStopSignalGate(): (signal: NodeJS.Signals) => StopAnswer {
  const seen = new Set<NodeJS.Signals>();
  return (signal) => {
    if (seen.has(signal)) return 'force';
    seen.add(signal);
    return seen.size === 1 ? 'stop' : 'already-stopping';
  };
}
