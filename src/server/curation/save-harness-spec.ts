// Saves an edited harness spec (docs/decisions/021) as the newest version's, exactly as any
// material edit is saved: a draft is updated in place, a published version gets a new draft, and
// the validation outcome is cleared, so publishing needs a passing validation of these tests.
// The kit is the one the question's harness is built by; the harness takes the spec's version.
// GET's answer sent back carries its `revision`: if someone saved the material since, the save is
// refused (409) rather than undoing theirs. A spec sent alone has none and is saved as before.
import { ZodError } from 'zod';
import { HarnessSpecSchema } from '@/grading/harnesses/harness-spec';
import { prisma, type Db, type DbClient } from '@/server/db';
import { BadRequestError, NotFoundError } from '@/server/errors';
import { currentHarnessSpec } from './current-harness-spec';
import { readMaterial } from './read-material';
import { saveQuestionMaterial, type SavedMaterial } from './save-question-material';
import { IdSchema } from './schemas';
import { storedMaterialSelect } from './stored-material';
import { errorMessage } from '@/lib/error-message';
import { jsonNestingDepth, MAX_JSON_NESTING, tooDeepMessage } from '@/lib/json-nesting';

// `specText`: the spec as JSON text, as an admin typed or a script sent it.
export async function saveHarnessSpec(
  { actor, input }: { actor: { id: string } | null; input: { questionId: string; specText: string } },
  db: Db | DbClient = prisma,
): Promise<SavedMaterial> {
  const questionId = IdSchema.parse(input.questionId);
  if (!input.specText.trim()) throw new BadRequestError('The spec is empty: send the harness spec as JSON.');
  if (jsonNestingDepth(input.specText) > MAX_JSON_NESTING) throw new BadRequestError(tooDeepMessage('The spec'));
  let document: unknown;
  try {
    document = JSON.parse(input.specText);
  } catch (error) {
    throw new BadRequestError(`The spec is not valid JSON: ${errorMessage(error)}.`);
  }
  const question = await db.question.findFirst({
    where: { id: questionId, deletedAt: null },
    select: { answerKind: true, versions: { orderBy: { version: 'desc' }, take: 1, select: { ...storedMaterialSelect } } },
  });
  if (!question) throw new NotFoundError('That question does not exist or was deleted.');
  const latest = question.versions[0];
  const material = latest ? readMaterial(latest, question.answerKind).material : null;
  const current = material ? currentHarnessSpec(material) : null;
  if (!material?.harness || !current) throw new BadRequestError('This question has no harness built from a spec: only Python kit questions have tests that can be edited as data.');
  const { kit, spec, prefix, revision } = unwrap(document);
  if (revision !== undefined && typeof revision !== 'string') {
    throw new BadRequestError('revision is what GET answered: send it back unchanged, or leave it out.');
  }
  if (kit !== undefined && kit !== current.spec.kit) {
    throw new BadRequestError(`This spec is for the kit "${String(kit)}", but this question's harness is built by "${current.spec.kit}".`);
  }
  const parsed = HarnessSpecSchema.safeParse({ kit: current.spec.kit, spec });
  if (!parsed.success) throw inDocument(parsed.error, ['spec'], prefix);
  const harnessSpec = parsed.data;
  try {
    return await saveQuestionMaterial(
      { actor, input: { questionId, material: { ...material, harness: { ...material.harness, version: harnessSpec.spec.version }, harnessSpec }, basedOn: revision } },
      db,
    );
  } catch (error) {
    throw error instanceof ZodError ? inDocument(error, ['material', 'harnessSpec', 'spec'], prefix) : error;
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isEnvelope = (value: unknown): value is { kit: unknown; spec: unknown } => isRecord(value) && 'kit' in value && 'spec' in value;

// A script may send back what GET answered ({ version, spec: { kit, spec }, isBuiltIn, revision }), its
// `spec` member ({ kit, spec }) or the spec document alone: all three save the same spec (a spec
// document has no `kit` member). `prefix`: where the spec sits in what was sent, for field names.
function unwrap(document: unknown): { kit?: unknown; spec: unknown; prefix: string[]; revision?: unknown } {
  if (isRecord(document) && isEnvelope(document.spec)) return { kit: document.spec.kit, spec: document.spec.spec, prefix: ['spec', 'spec'], revision: document.revision };
  if (isEnvelope(document)) return { kit: document.kit, spec: document.spec, prefix: ['spec'] };
  return { spec: document, prefix: [] };
}

// Paths name the field in the document sent ("cases.3.expected", or "spec.spec.cases.3.expected"
// in a GET answer sent back), not in the stored material.
function inDocument(error: ZodError, stored: string[], sent: string[]): ZodError {
  const within = (path: PropertyKey[]) => stored.every((key, i) => path[i] === key);
  return new ZodError(error.issues.map((issue) => (within(issue.path) ? { ...issue, path: [...sent, ...issue.path.slice(stored.length)] } : issue)));
}
