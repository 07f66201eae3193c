import { gradeWritten } from '/work/wt/written-v2/src/grading/written/grade-written';
import { loadDevSets } from '/work/wt/written-v2/src/grading/written/agreement';
const sets = await loadDevSets();
const set = sets[1]!;
const strong = set.answers[0]!.answer; const words = strong.split(/\s+/);
const answer = Array.from({ length: 400 }, (_, i) => words[i % words.length]).join(' ');
for (let i=0;i<100;i++) gradeWritten({answer, rubric: set.rubric});
const times: number[] = [];
for (let i=0;i<200;i++) { const t=performance.now(); gradeWritten({answer, rubric: set.rubric}); times.push(performance.now()-t); }
times.sort((a,b)=>a-b); console.log('p50', times[100], 'min', times[0]);
