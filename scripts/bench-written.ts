// `npm run bench:written`: how far the offline written grader agrees with an interviewer, on the
// development set of each written question (seeds/content/<slug>/dev-set.json, scored by hand
// before the grader ever saw the answers), and how fast it is. Prints per question and overall:
// Spearman rank correlation, mean absolute difference, pass/fail agreement, the worst
// disagreements with the interviewer's reason, and the p50/p95 grading time of a 400-word answer.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { agreementReport, loadDevSets, type Pair } from '../src/grading/written/agreement';
import { gradeWritten } from '../src/grading/written/grade-written';

const sets = await loadDevSets();
const rows: string[][] = [];
const all: Pair[] = [];
const pairSlugs: string[] = [];
for (const set of sets) {
  const report = agreementReport(set, (answer) => gradeWritten({ answer, rubric: set.rubric }).score);
  all.push(...report.pairs);
  pairSlugs.push(...report.pairs.map(() => set.slug));
  rows.push([set.slug, report.spearman.toFixed(2), report.mad.toFixed(1), `${report.passAgree}/${report.pairs.length}`]);
  console.log(`\n${set.slug}`);
  for (const p of report.pairs) console.log(`  ${p.id.padEnd(18)} expert ${String(p.expert).padStart(3)}  grader ${String(p.score).padStart(3)}  ${p.score - p.expert >= 0 ? '+' : ''}${p.score - p.expert}`);
  console.log('  worst disagreements:');
  for (const p of report.worst.slice(0, 3)) console.log(`    ${p.id}: expert ${p.expert}, grader ${p.score}. Interviewer: ${p.why}`);
}
const overall = agreementReport({ slug: 'overall', rubric: sets[0]!.rubric, answers: [] }, () => 0, all);
console.log('\nquestion                                                      spearman   MAD  pass/fail agree');
for (const r of rows) console.log(`${r[0]!.padEnd(62)}${r[1]!.padStart(8)}${r[2]!.padStart(6)}  ${r[3]}`);
console.log(`${'overall'.padEnd(62)}${overall.spearman.toFixed(2).padStart(8)}${overall.mad.toFixed(1).padStart(6)}  ${overall.passAgree}/${all.length}`);
// The seed-topic questions (a question.json beside the dev set, issue 14) as a group, with the
// worst a keyword list and a confidently wrong answer score.
const topicSets = new Set(sets.filter((s) => existsSync(path.join('seeds', 'content', s.slug, 'question.json'))).map((s) => s.slug));
const topicPairs = all.filter((p, i) => topicSets.has(pairSlugs[i]!));
if (topicPairs.length > 0) {
  const group = agreementReport({ slug: 'seed topics', rubric: sets[0]!.rubric, answers: [] }, () => 0, topicPairs);
  const worst = (style: string) => Math.max(...topicPairs.filter((p) => p.style === style).map((p) => p.score));
  console.log(`${`seed-topic questions (${topicSets.size})`.padEnd(62)}${group.spearman.toFixed(2).padStart(8)}${group.mad.toFixed(1).padStart(6)}  ${group.passAgree}/${topicPairs.length}  (highest keyword list ${worst('keyword list')}, highest confidently wrong ${worst('confidently wrong')})`);
}

// Speed: a 400-word answer, graded warm, many times.
const set = sets.find((s) => s.slug.startsWith('explain-canary')) ?? sets[0]!;
const strong = set.answers.find((a) => a.id === 'strong-prose')!.answer;
const words = strong.split(/\s+/);
const answer = Array.from({ length: 400 }, (_, i) => words[i % words.length]).join(' ');
for (let i = 0; i < 100; i++) gradeWritten({ answer, rubric: set.rubric });
const times: number[] = [];
for (let i = 0; i < 200; i++) {
  const t = performance.now();
  gradeWritten({ answer, rubric: set.rubric });
  times.push(performance.now() - t);
}
times.sort((a, b) => a - b);
console.log(`\noffline grading of a 400-word answer: p50 ${times[100]!.toFixed(2)} ms, p95 ${times[190]!.toFixed(2)} ms, min ${times[0]!.toFixed(2)} ms (200 runs, warm; a busy shared machine shows in p50 and p95, not in min)`);
