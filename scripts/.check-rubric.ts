import { readFileSync } from 'node:fs';
import { RubricSchema } from '/work/wt/written-v2/src/grading/written/rubric';
const r = RubricSchema.safeParse(JSON.parse(readFileSync(process.argv[2]!, 'utf8')));
if (!r.success) for (const i of r.error.issues) console.log(i.path.join('.'), i.message); else console.log('ok');
