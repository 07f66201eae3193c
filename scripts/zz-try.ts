import { readFileSync } from 'node:fs';
import { gradeCode } from '@/grading/code/grade-code';
const [harness, file] = process.argv.slice(2);
const result = await gradeCode({ kind: 'bash', answer: readFileSync(file!, 'utf8'), harness: { name: harness!, version: 1 } });
console.log(result.status, result.score, result.message ?? '');
for (const t of result.tests) console.log(`${t.status.padEnd(5)} ${t.name}${t.message ? `\n      ${t.message}` : ''}${process.env.V ? `\n      ${(t.calls ?? []).join('\n      ')}\n${t.output ?? ''}` : ''}`);
