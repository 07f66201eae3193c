// GRADING_TIMINGS=1 (a debugging aid, off by default): the worker prints one line per graded job,
// `grading-timings {json}`, with the wall-clock time (epoch ms) at which each step ended, so
// scripts/bench-grading-e2e.ts can split the latency a candidate feels into its steps.
type Marks = Record<string, number>;

export function createJobTimings(print: (line: string) => void = (line) => process.stdout.write(`${line}\n`)) {
  const jobs = new Map<string, Marks>();
  return {
    begin(attemptId: string, earlier: Marks) {
      jobs.set(attemptId, { ...earlier, claimed: Date.now() });
    },
    mark(attemptId: string, step: string) {
      const marks = jobs.get(attemptId);
      if (marks) marks[step] = Date.now();
    },
    end(attemptId: string, extra: Marks) {
      const marks = jobs.get(attemptId);
      if (!marks) return;
      jobs.delete(attemptId);
      print(`grading-timings ${JSON.stringify({ attemptId, ...marks, recorded: Date.now(), ...extra })}`);
    },
    // A job that ended otherwise (retried, crashed, handed back) prints nothing.
    forget(attemptId: string) {
      jobs.delete(attemptId);
    },
  };
}
