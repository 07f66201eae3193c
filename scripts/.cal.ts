import path from 'node:path';
import { gradeWritten } from '/work/wt/written-v2/src/grading/written/grade-written';
import { loadWrittenContent } from '/work/wt/written-v2/src/grading/written/load-written-content';
for (const slug of ['describe-feature-flags-feature-toggles-decouple','explain-canary-releases-contrast-blue-green','software-engineer-explain-difference-continuous-integration']) {
  const c = await loadWrittenContent(path.join('/work/wt/written-v2/seeds/content', slug));
  for (const s of c.calibration.samples) { const r = gradeWritten({ answer: s.answer, rubric: c.rubric }); console.log(slug.slice(0,20), s.label, s.band, r.score, r.advice.map(a=>a.slice(0,50))); }
  console.log('model', gradeWritten({ answer: c.modelAnswer, rubric: c.rubric }).score);
}
