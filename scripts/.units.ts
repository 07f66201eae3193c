import { readFileSync } from 'node:fs';
import { readAnswer } from '/work/wt/written-v2/src/grading/written/read-answer';
import { analyzeText } from '/work/wt/written-v2/src/grading/written/analyze-text';
const c = JSON.parse(readFileSync(`/work/wt/written-v2/seeds/content/${process.argv[2]}/calibration.json`, 'utf8'));
const s = c.samples.find((x: any) => x.label === process.argv[3]);
for (const u of readAnswer(s.answer)) { const a = analyzeText(u.text); console.log(`[${u.style} w${a.words} v${u.verbs} f${a.functionWords}] ${u.text.slice(0, 90)}`); }
