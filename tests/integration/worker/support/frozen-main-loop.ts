// A process with the worker's event-loop watchdog that then freezes its main loop (or, with
// `busy-but-alive`, keeps working in short slices for a while and exits on its own).
import { watchEventLoop } from '@/worker/watch-event-loop';

const busy = process.argv[2] === 'busy-but-alive';
// Busy slices are 200 ms; the margin keeps a loaded machine's scheduling out of the verdict.
const watchdog = watchEventLoop({ stallMs: busy ? 3_000 : 1_000 });
if (busy) {
  let slices = 0;
  const work = () => {
    const until = Date.now() + 200;
    while (Date.now() < until) {
      // Busy, but yielding every 200 ms.
    }
    if (++slices < 15) setTimeout(work, 0);
    else void watchdog.stop().then(() => console.log('done'));
  };
  work();
} else {
  setTimeout(() => {
    console.log('freezing');
    for (;;) {
      // Never yields.
    }
  }, 100);
}
