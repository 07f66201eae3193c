// `npm run bench:written`: how far the offline written grader agrees with an interviewer, and how
// fast it is. Two sets per written question, reported separately:
//   dev       seeds/content/<slug>/dev-set.json: used to write and tune the rubric (measures fit);
//   held-out  seeds/content/<slug>/held-out-set.json: never used for tuning (measures generalisation).
// Both were scored by hand before the grader ever saw them. Prints per question and per set:
// Spearman rank correlation, mean absolute difference, pass/fail agreement, the highest score of a
// keyword list and of a confidently wrong answer, the worst disagreements with the interviewer's
// reason, and the p50/p95 grading time of a 400-word answer.
// `--quiet` prints only the summary tables.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { agreement, agreementReport, loadDevSets, type DevSet, type Pair, type SetKind } from '../src/grading/written/agreement';
import { gradeWritten } from '../src/grading/written/grade-written';
import { readSeedPrompts } from '../src/server/seeding/read-seed-prompts';
import { parseCli } from './lib/parse-cli';

const cli = parseCli({ name: 'bench:written', usage: 'usage: npm run bench:written [-- --quiet]', options: { quiet: { type: 'boolean' } } });

const quiet = cli.values.quiet === true;
const isList = (p: Pair) => p.style?.startsWith('keyword list') ?? false;
const isWrong = (p: Pair) => p.style === 'confidently wrong';
const maxOf = (pairs: Pair[]) => (pairs.length ? Math.max(...pairs.map((p) => p.score)) : Number.NaN);
const signed = (n: number) => `${n >= 0 ? '+' : ''}${n}`;

function row(name: string, pairs: Pair[], passScore?: number): string {
  const a = agreement(pairs, passScore);
  return `${name.padEnd(62)}${a.spearman.toFixed(2).padStart(8)}${a.mad.toFixed(1).padStart(6)}${`${a.passAgree}/${pairs.length}`.padStart(7)}${String(maxOf(pairs.filter(isList))).padStart(6)}${String(maxOf(pairs.filter(isWrong))).padStart(7)}`;
}

function run(kind: SetKind, sets: DevSet[]): void {
  const all: Pair[] = [];
  const topicPairs: Pair[] = [];
  const rows: string[] = [];
  for (const set of sets) {
    // With the question, as the worker grades a live answer.
    const report = agreementReport(set, (answer) => gradeWritten({ answer, rubric: set.rubric, prompt: prompts.get(set.slug) }).score);
    all.push(...report.pairs);
    if (isSeedTopicQuestion(set.slug)) topicPairs.push(...report.pairs);
    rows.push(row(set.slug, report.pairs, set.rubric.passScore));
    if (quiet) continue;
    console.log(`\n[${kind}] ${set.slug}`);
    for (const p of report.pairs) console.log(`  ${p.id.padEnd(28)} expert ${String(p.expert).padStart(3)}  grader ${String(p.score).padStart(3)}  ${signed(p.score - p.expert)}`);
    console.log('  worst disagreements:');
    for (const p of report.worst.slice(0, 3)) console.log(`    ${p.id}: expert ${p.expert}, grader ${p.score}. Interviewer: ${p.why}`);
  }
  console.log(`\n${kind} set${' '.repeat(54 - kind.length)}spearman   MAD  agree  list  wrong`);
  for (const r of rows) console.log(r);
  console.log(row(`overall (${all.length} answers)`, all));
  if (topicPairs.length > 0) console.log(row(`seed-topic questions (${topicPairs.length} answers)`, topicPairs));
}

// The questions of the seed topics (a question.json beside the dev set, issue 14), reported as a group.
function isSeedTopicQuestion(slug: string): boolean {
  return existsSync(path.join('seeds', 'content', slug, 'question.json'));
}

const prompts = await readSeedPrompts();
const dev = await loadDevSets(undefined, 'dev');
const heldOut = await loadDevSets(undefined, 'held-out');
run('dev', dev);
run('held-out', heldOut);
console.log('\n(agree: pass/fail verdicts that match; list: highest score of a keyword list, goal < 30; wrong: highest score of a confidently wrong answer, goal < 35)');

// Speed: a 400-word answer, graded warm, many times.
const set = dev.find((s) => s.slug.startsWith('explain-canary')) ?? dev[0]!;
const strong = set.answers.find((a) => a.id === 'strong-prose')!.answer;
const words = strong.split(/\s+/);
const answer = Array.from({ length: 400 }, (_, i) => words[i % words.length]).join(' ');
const prompt = prompts.get(set.slug);
for (let i = 0; i < 100; i++) gradeWritten({ answer, rubric: set.rubric, prompt });
const times: number[] = [];
for (let i = 0; i < 200; i++) {
  const t = performance.now();
  gradeWritten({ answer, rubric: set.rubric, prompt });
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
console.log(`\noffline grading of a 400-word answer: p50 ${times[100]!.toFixed(2)} ms (goal <= 20 ms), p95 ${times[190]!.toFixed(2)} ms, min ${times[0]!.toFixed(2)} ms (200 runs, warm; a busy shared machine shows in p50 and p95, not in min)`);
