// One question as admins curate it: its fields, every version with its attempt count, and the
// newest version's material with the state of its validation.
import { prisma, type DbClient } from '@/server/db';
import { questionListSelect, type QuestionListFields } from '@/server/questions/question-summary';
import { materialHash } from './material-hash';
import { materialRevision } from './material-revision';
import { questionRevision } from './question-revision';
import { readMaterial } from './read-material';
import { ValidationOutcomeSchema, type Material, type ValidationOutcome } from './schemas';
import { storedMaterialSelect } from './stored-material';

export type AdminVersion = {
  id: string;
  version: number;
  publishedAt: Date | null;
  validatedAt: Date | null;
  validation: 'passed' | 'failed' | null;
  createdAt: Date;
  attempts: number;
};

export type AdminQuestion = Omit<QuestionListFields, 'topic'> & {
  published: boolean;
  topic: { id: string; slug: string; name: string; published: boolean };
  versions: AdminVersion[];
  // What the question form starts from; its save sends it back (see updateQuestion).
  revision: string;
  // What candidates practise: the newest published version, if any.
  liveVersion: number | null;
  current: {
    id: string;
    version: number;
    isPublished: boolean;
    material: Material;
    // What the material editor starts from; its save sends it back (see saveQuestionMaterial).
    revision: string;
    // Parts of the stored material that could not be read.
    problems: string[];
    validation: ValidationOutcome | null;
    // True when the stored outcome checked exactly the material as it is now.
    isValidationCurrent: boolean;
    validatedAt: Date | null;
  } | null;
};

export async function getAdminQuestion({ input }: { input: { id: string } }, db: DbClient = prisma): Promise<AdminQuestion | null> {
  const row = await db.question.findFirst({
    where: { id: input.id, deletedAt: null },
    select: {
      ...questionListSelect,
      published: true,
      topic: { select: { id: true, slug: true, name: true, published: true } },
      versions: {
        orderBy: { version: 'desc' },
        select: {
          id: true,
          version: true,
          publishedAt: true,
          validatedAt: true,
          validationResult: true,
          createdAt: true,
          _count: { select: { attempts: true } },
        },
      },
    },
  });
  if (!row) return null;
  const { versions, ...question } = row;
  const outcomes = new Map(versions.map((v) => [v.id, ValidationOutcomeSchema.safeParse(v.validationResult)]));
  const latest = versions[0];
  let current: AdminQuestion['current'] = null;
  if (latest) {
    const stored = await db.questionVersion.findUniqueOrThrow({ where: { id: latest.id }, select: storedMaterialSelect });
    const { material, problems } = readMaterial(stored, question.answerKind);
    const outcome = outcomes.get(latest.id);
    const validation = outcome?.success ? outcome.data : null;
    current = {
      id: latest.id,
      version: latest.version,
      isPublished: latest.publishedAt !== null,
      material,
      revision: materialRevision(latest.id, material),
      problems,
      validation,
      isValidationCurrent: validation !== null && problems.length === 0 && validation.materialHash === materialHash(material),
      validatedAt: latest.validatedAt,
    };
  }
  return {
    ...question,
    revision: questionRevision({ ...question, topicId: question.topic.id }),
    versions: versions.map((v) => {
      const outcome = outcomes.get(v.id);
      return {
        id: v.id,
        version: v.version,
        publishedAt: v.publishedAt,
        validatedAt: v.validatedAt,
        validation: outcome?.success ? (outcome.data.passed ? 'passed' : 'failed') : null,
        createdAt: v.createdAt,
        attempts: v._count.attempts,
      };
    }),
    liveVersion: versions.find((v) => v.publishedAt !== null)?.version ?? null,
    current,
  };
}
