// The seed rubrics as the grader reads them, and a grading of an answer with its claims by id,
// for tests that check feedback against real rubric content.
import { readFileSync } from 'node:fs';
import { gradeWritten } from '@/grading/written/grade-written';
import { RubricSchema, type Rubric } from '@/grading/written/rubric';

export const rubricOf = (slug: string) => RubricSchema.parse(JSON.parse(readFileSync(`seeds/content/${slug}/rubric.json`, 'utf8')));

export const claimsOf = (answer: string, rubric: Rubric) => {
  const result = gradeWritten({ answer, rubric });
  const claims = new Map(result.tests.flatMap((t) => (t.claims ?? []).map((c) => [c.id, c] as const)));
  return { result, claim: (id: string) => claims.get(id)! };
};
