// `npm run bench:grading [-- iterations]`: the sandbox benchmark (scripts/bench-grading-harness.ts),
// then the end-to-end one through the real app (scripts/bench-grading-e2e.ts), each with the given
// number of iterations or its own default. One entry point, so `--help` and a bad argument are
// answered before either starts (npm appends arguments to the last command of a `a && b` script).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { parseCli } from './lib/parse-cli';

const cli = parseCli({
  name: 'bench:grading',
  usage: 'usage: npm run bench:grading [-- iterations]   (default 30 for the sandbox benchmark, 20 end to end; the end-to-end one builds the app into .next)',
  options: {},
  positionals: { min: 0, max: 1 },
});

for (const script of ['bench-grading-harness.ts', 'bench-grading-e2e.ts']) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, script), ...cli.positionals], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
