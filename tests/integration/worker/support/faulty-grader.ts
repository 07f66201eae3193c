// A grading process that misbehaves on purpose, for the worker's crash and stall tests: the real
// graders, except that an answer containing a marker crashes the process (an exception thrown
// from a callback, as a bug in a relay's socket handler would), freezes its event loop, or crashes
// only the first time (the marker names a file that records it happened).
import { existsSync, writeFileSync } from 'node:fs';
import { gradeAnswer } from '@/grading/grade-answer';
import { serveGrader } from '@/worker/serve-grader';

serveGrader(async (request) => {
  const answer = String((request as { answer?: unknown }).answer ?? '');
  if (answer.includes('CRASH-THE-GRADER')) {
    setImmediate(() => {
      throw new Error('the grader blew up on this answer');
    });
    return new Promise(() => {});
  }
  if (answer.includes('FREEZE-THE-GRADER')) {
    for (;;) {
      // A catastrophic regex or an endless render would look like this from outside.
    }
  }
  const once = /CRASH-ONCE:(\S+)/.exec(answer);
  if (once?.[1] && !existsSync(once[1])) {
    writeFileSync(once[1], 'crashed once');
    process.exit(3);
  }
  return gradeAnswer(request);
});
