import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gradeCode } from '@/grading/code/grade-code';
const dir = path.join(process.argv[2]!, 'seeds/content/write-bash-script-pulls-specified-docker');
const files = ['reference.sh', ...['good', 'bad'].flatMap((k) => readdirSync(path.join(dir, k)).sort().map((f) => `${k}/${f}`))];
for (const file of files) {
  const r = await gradeCode({ kind: 'bash', answer: readFileSync(path.join(dir, file), 'utf8'), harness: { name: 'bash-deploy', version: 1 } });
  console.log(`${file}: ${r.status} ${r.score} ${r.message ?? ''}`);
  for (const t of r.tests) console.log(`  ${t.status} ${t.name} | ${t.message} | ${(t.output ?? '').slice(0, 80).replace(/\n/g, '\\n')} | ${(t.calls ?? []).map((c) => c.replace(/[0-9a-f]{64}/g, 'ID')).join(' ; ')}`);
}
