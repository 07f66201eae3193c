// A stand-in for scripts/start.ts's shutdown: takes the stop signals the way it does
// (onStopSignals) and takes 500 ms to stop its children before it says so and exits.
import { onStopSignals } from '../../../../scripts/lib/on-stop-signals';

onStopSignals((signal) => {
  console.log(`[slow-stop] ${signal}: stopping`);
  setTimeout(() => {
    console.log('[slow-stop] stopped cleanly');
    process.exit(0);
  }, 500);
});
console.log('[slow-stop] ready');
setInterval(() => {}, 1_000);
