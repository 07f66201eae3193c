// Which parts of the question page differ from what is saved. "Unsaved" means "differs from the
// last save", not "was touched": typing a change and undoing it leaves nothing unsaved. Both sides
// are normalised the way the save does (trimmed prompt, tags lower-cased, hyphenated and de-duplicated, the
// draft converted to the stored shape, blank optional text as none), so a difference the save
// would not keep is no difference either.
import type { z } from 'zod';
import { BadVariantSchema, CalibrationSampleSchema, HarnessSettingsSchema, MaterialSchema, QuestionInputSchema, RubricSchema } from '@/server/curation/schemas';
import { fromDraft, type MaterialDraft } from './material-draft';

export type QuestionFields = { topicId: string; prompt: string; slug: string; difficulty: string; type: string; answerKind: string; tags: string };

// Parsed by the save's own schema when it parses; as typed otherwise (the save would refuse it,
// and it still differs from what is saved).
function normalised(schema: z.ZodType, value: unknown): unknown {
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : value;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

// The names of the parts whose value, read the same way from both, differs.
const changedParts = <T>(parts: [string, (fields: T) => unknown][], current: T, saved: T) =>
  parts.filter(([, read]) => !same(read(current), read(saved))).map(([name]) => name);

const splitTags = (tags: string) => tags.split(',').map((t) => t.trim()).filter(Boolean);

const QUESTION_PARTS: [string, (q: QuestionFields) => unknown][] = [
  ['topic', (q) => q.topicId],
  ['prompt', (q) => q.prompt.trim()],
  ['slug', (q) => q.slug.trim()],
  ['difficulty', (q) => q.difficulty],
  ['type', (q) => q.type],
  ['answer kind', (q) => q.answerKind],
  ['tags', (q) => normalised(QuestionInputSchema.shape.tags, splitTags(q.tags))],
];

// The question form's fields that differ from the saved ones, named as a sentence would.
export function unsavedQuestionParts(current: QuestionFields, saved: QuestionFields): string[] {
  return changedParts(QUESTION_PARTS, current, saved);
}

export type TopicFields = { name: string; slug: string; description: string; published: boolean };

const TOPIC_PARTS: [string, (t: TopicFields) => unknown][] = [
  ['name', (t) => t.name.trim()],
  ['slug', (t) => t.slug.trim()],
  ['description', (t) => t.description.trim()],
  ['published', (t) => t.published],
];

// The topic form's fields that differ from the saved ones.
export function unsavedTopicParts(current: TopicFields, saved: TopicFields): string[] {
  return changedParts(TOPIC_PARTS, current, saved);
}

// The tests box as data when it is JSON (so re-indenting is no change), as text otherwise.
function specValue(spec: MaterialDraft['spec']): unknown {
  if (!spec) return null;
  try {
    return { kit: spec.kit, spec: JSON.parse(spec.text) as unknown };
  } catch {
    return { kit: spec.kit, text: spec.text };
  }
}

const optionalText = (text: string | null | undefined) => normalised(MaterialSchema.shape.modelAnswer, text ?? null);

type Stored = ReturnType<typeof fromDraft>;
const WRITTEN_PARTS: [string, (m: Stored, d: MaterialDraft) => unknown][] = [
  ['rubric', (m) => (m.rubric ? normalised(RubricSchema, m.rubric) : null)],
  ['calibration samples', (m) => (m.validation?.kind === 'written' ? m.validation.calibration.map((s) => normalised(CalibrationSampleSchema, s)) : [])],
  ['model answer', (m) => optionalText(m.modelAnswer)],
];
const CODE_PARTS: [string, (m: Stored, d: MaterialDraft) => unknown][] = [
  ['harness', (m) => (m.harness ? normalised(HarnessSettingsSchema, m.harness) : null)],
  ['tests', (_m, d) => specValue(d.spec)],
  ['reference solution', (m) => (m.validation?.kind === 'code' ? m.validation.reference : '')],
  ['known-bad variants', (m) => (m.validation?.kind === 'code' ? m.validation.badVariants.map((v) => normalised(BadVariantSchema, v)) : [])],
  ['starter code', (m) => optionalText(m.starterCode)],
  ['model answer', (m) => optionalText(m.modelAnswer)],
];

// The grading material's parts that differ between the editor's draft and the draft last saved.
export function unsavedMaterialParts(draft: MaterialDraft, saved: MaterialDraft, isWritten: boolean): string[] {
  // The spec is compared on its own (specValue); fromDraft only needs to know there is one.
  const stored = (d: MaterialDraft) => fromDraft(d, isWritten, undefined);
  const [now, then] = [stored(draft), stored(saved)];
  return (isWritten ? WRITTEN_PARTS : CODE_PARTS).filter(([, read]) => !same(read(now, draft), read(then, saved))).map(([name]) => name);
}

// "a", "a and b", "a, b and c".
export function listInWords(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

// What the confirmation before leaving says: every section with unsaved parts, each part named.
export function leaveMessage(sections: { name: string; parts: string[] }[]): string {
  const described = sections.filter((s) => s.parts.length > 0).map((s) => `${s.name} (${listInWords(s.parts)})`);
  return `You have unsaved changes to ${listInWords(described)}. Leave this page and lose them?`;
}
