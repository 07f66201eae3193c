// Benchmarks the code harnesses on their reference solutions: p50/p95 sandboxed vs bare (the same
// runner without bwrap — only ever our own reference code), the overhead ratio, and throughput
// with 4 concurrent gradings. Usage: npx tsx scripts/bench-grading-harness.ts [iterations]
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gradeCode, type CodeGradeRequest } from '../src/grading/code/grade-code';

const iterations = Number(process.argv[2] ?? 20);
const content = path.resolve(import.meta.dirname, '../seeds/content');
const requests: { label: string; request: CodeGradeRequest }[] = [
  {
    label: 'bash-deploy',
    request: { kind: 'bash', answer: readFileSync(path.join(content, 'write-bash-script-pulls-specified-docker/reference.sh'), 'utf8'), harness: { name: 'bash-deploy', version: 1 } },
  },
  {
    label: 'python-compare-manifests',
    request: { kind: 'python', answer: readFileSync(path.join(content, 'write-python-function-compare-manifests-old/reference.py'), 'utf8'), harness: { name: 'python-compare-manifests', version: 1 } },
  },
];

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};

async function time(request: CodeGradeRequest, runner: 'sandbox' | 'bare'): Promise<number> {
  const started = performance.now();
  // shellcheck advice is off: it is the same in both modes and not part of the jail's cost.
  const result = await gradeCode(request, { runner, advice: false });
  if (result.status !== 'passed') throw new Error(`${request.harness.name} (${runner}) did not pass: ${result.message}`);
  return performance.now() - started;
}

const rows: string[][] = [['harness', 'mode', 'p50 ms', 'p95 ms', 'overhead', '4-concurrent gradings/s']];
for (const { label, request } of requests) {
  const stats: Record<string, { p50: number; p95: number; throughput: number }> = {};
  for (const runner of ['bare', 'sandbox'] as const) {
    await time(request, runner); // warm-up
    const samples: number[] = [];
    for (let i = 0; i < iterations; i++) samples.push(await time(request, runner));
    const started = performance.now();
    const total = iterations * 2;
    let next = 0;
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        while (next++ < total) await time(request, runner);
      }),
    );
    const throughput = total / ((performance.now() - started) / 1000);
    stats[runner] = { p50: percentile(samples, 50), p95: percentile(samples, 95), throughput };
  }
  for (const runner of ['bare', 'sandbox'] as const) {
    const s = stats[runner]!;
    const ratio = runner === 'sandbox' ? `${(s.p50 / stats.bare!.p50).toFixed(2)}x` : '';
    rows.push([label, runner, s.p50.toFixed(1), s.p95.toFixed(1), ratio, s.throughput.toFixed(1)]);
  }
}
const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
for (const row of rows) console.log(row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  '));
