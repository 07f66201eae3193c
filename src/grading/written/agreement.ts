// The scored answer sets of each written question: the development set
// (seeds/content/<slug>/dev-set.json, used to write and tune the rubric) and the held-out set
// (held-out-set.json, never used for tuning: it measures generalisation). Both were written from
// the prompt alone and scored by an interviewer before the grader ran on them. Also their
// agreement report (src/grading/written/agreement-measure.ts) for `npm run bench:written` and the
// agreement test.
import { readdirSync, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { agreement, type Agreement, type Pair } from './agreement-measure';
import { RubricSchema, type Rubric } from './rubric';

export const DevAnswerSchema = z.object({
  id: z.string(),
  style: z.string(),
  expertScore: z.number().int().min(0).max(100),
  why: z.string(),
  answer: z.string(),
});
export type DevAnswer = z.infer<typeof DevAnswerSchema>;
const DevSetFileSchema = z.object({ question: z.string(), scoredBy: z.string(), answers: z.array(DevAnswerSchema) });
export { agreement, spearman, type Agreement, type Pair } from './agreement-measure';
export type DevSet = { slug: string; rubric: Rubric; answers: DevAnswer[] };

export function agreementReport(set: DevSet, score: (answer: string) => number, pairs?: Pair[]): Agreement {
  return agreement(pairs ?? set.answers.map((a) => ({ id: a.id, style: a.style, expert: a.expertScore, score: score(a.answer), why: a.why })), set.rubric.passScore);
}

export type SetKind = 'dev' | 'held-out';
const FILE_OF: Record<SetKind, string> = { dev: 'dev-set.json', 'held-out': 'held-out-set.json' };

// Every written question's dev set (or held-out set) under seeds/content/.
export async function loadDevSets(root = path.join(process.cwd(), 'seeds', 'content'), kind: SetKind = 'dev'): Promise<DevSet[]> {
  const file = FILE_OF[kind];
  return readdirSync(root, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(path.join(root, e.name, file)))
    .map((e) => e.name)
    .sort()
    .map((slug) => {
      const dir = path.join(root, slug);
      const set = DevSetFileSchema.parse(JSON.parse(readFileSync(path.join(dir, file), 'utf8')));
      const rubric = RubricSchema.parse(JSON.parse(readFileSync(path.join(dir, 'rubric.json'), 'utf8')));
      return { slug, rubric, answers: set.answers };
    });
}
