// A bundle import never overwrites a draft an admin saved in this bank: with no draft in the
// bundle the admin's draft stays the draft, unchanged, above the imported published version; with
// a different draft in the bundle it stays in the history under it. The summary (and
// `npm run bank:import`) names every kept draft, and which fields of a question the import changed.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeEach, describe, expect, it } from 'vitest';
import { describeImportedQuestion, describeKeptDrafts } from '@/server/bundles/describe-imported-question';
import { exportBundle, serializeBundle } from '@/server/bundles/export-bundle';
import { importBundle } from '@/server/bundles/import-bundle';
import type { Bundle } from '@/server/bundles/schemas';
import { createQuestion } from '@/server/curation/create-question';
import { getAdminQuestion } from '@/server/curation/get-admin-question';
import { publishQuestion } from '@/server/curation/publish-question';
import { saveQuestionMaterial } from '@/server/curation/save-question-material';
import { updateQuestion } from '@/server/curation/update-question';
import { validateQuestion } from '@/server/curation/validate-question';
import { prisma } from '@/server/db';
import { requireDatabaseUrl } from '@/server/env';
import { resetDatabase } from '../../support/reset-database';
import { graders, makeAdmin, makeTopic, writtenMaterial } from './fixtures';

const SLUG = 'explain-canary-releases-payments-api';
const DRAFT = 'DRAFT BRIEF WORK IN PROGRESS';

let admin: { id: string };
let questionId: string;
// The topic as exported while version 1 was published and there was no draft.
let bundle: Bundle;

beforeEach(async () => {
  await resetDatabase();
  admin = await makeAdmin();
  const topic = await makeTopic('ops');
  ({ id: questionId } = await createQuestion({ actor: admin, input: { topicId: topic.id, prompt: 'Explain canary releases for a payments API.', difficulty: 'MEDIUM', type: 'TECHNICAL', answerKind: 'WRITTEN', tags: [] } }));
  await saveQuestionMaterial({ actor: admin, input: { questionId, material: writtenMaterial() } });
  await validateQuestion({ actor: admin, input: { questionId } }, prisma, graders);
  await publishQuestion({ actor: admin, input: { questionId } });
  bundle = await exportBundle({ input: { slug: 'ops' } });
  bundle.questions[0]!.modelAnswer = 'Published elsewhere: canaries, then everyone.';
  // The admin's unpublished draft, version 2.
  await saveQuestionMaterial({ actor: admin, input: { questionId, material: writtenMaterial({ modelAnswer: DRAFT }) } });
});

// A draft in the bundle: the exported material with another model answer.
function bundleDraft(): NonNullable<Bundle['questions'][number]['draft']> {
  const { rubric, harness, starterCode, validation } = bundle.questions[0]!;
  return { rubric, harness, modelAnswer: 'The bundle’s own draft.', starterCode, validation };
}

async function versions() {
  const rows = await prisma.questionVersion.findMany({ where: { questionId }, orderBy: { version: 'asc' }, select: { version: true, publishedAt: true, modelAnswer: true } });
  return rows.map((v) => [v.version, v.publishedAt !== null, v.modelAnswer]);
}

describe('importing a bundle over a question with an unpublished draft', () => {
  it('keeps the draft as the draft, unchanged, above the imported published version, and says so', async () => {
    const summary = await importBundle({ actor: null, input: bundle }, prisma, graders);

    expect(await versions()).toEqual([
      [1, true, 'Canaries first, then everyone.'],
      [2, true, 'Published elsewhere: canaries, then everyone.'],
      [3, false, DRAFT],
    ]);
    // The admin's editor still shows their draft; candidates practise the imported version.
    const curated = await getAdminQuestion({ input: { id: questionId } });
    expect(curated?.current).toMatchObject({ version: 3, isPublished: false, material: { modelAnswer: DRAFT } });
    expect(curated?.liveVersion).toBe(2);

    expect(summary).toMatchObject({ questionsUpdated: 1, versionsCreated: 1, versionsPublished: 1, draftsKept: 1 });
    expect(summary.questions[0]).toMatchObject({ slug: SLUG, outcome: 'updated', fieldsChanged: [], keptDraft: { version: 3, isStillDraft: true, importedVersion: 2 } });
    expect(describeKeptDrafts(summary)).toBe(`kept 1 unpublished draft: ${SLUG} version 3`);
    expect(describeImportedQuestion(summary.questions[0]!)).toContain("kept this bank's unpublished draft, unchanged and still the draft, as version 3");
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { action: 'bundle.import' }, select: { details: true } });
    expect(audit.details).toMatchObject({ draftsKept: 1, keptDrafts: [`${SLUG} version 3`] });

    // Importing the same bundle again changes nothing more.
    const again = await importBundle({ actor: null, input: bundle }, prisma, graders);
    expect(again).toMatchObject({ questionsUnchanged: 1, versionsCreated: 0, versionsPublished: 0, draftsKept: 0 });
    expect(await versions()).toHaveLength(3);
  });

  it("keeps the draft in the history when the bundle brings a draft of its own", async () => {
    bundle.questions[0]!.draft = bundleDraft();
    const summary = await importBundle({ actor: null, input: bundle }, prisma, graders);

    expect(await versions()).toEqual([
      [1, true, 'Canaries first, then everyone.'],
      [2, false, DRAFT],
      [3, true, 'Published elsewhere: canaries, then everyone.'],
      [4, false, 'The bundle’s own draft.'],
    ]);
    expect(summary).toMatchObject({ versionsCreated: 2, versionsPublished: 1, draftsKept: 1 });
    expect(summary.questions[0]?.keptDraft).toEqual({ version: 2, isStillDraft: false, importedVersion: 4 });
    expect(describeKeptDrafts(summary)).toBe(`kept 1 unpublished draft: ${SLUG} version 2 (in the history)`);
  });

  it('keeps the draft in the history when only the bundle’s draft is new', async () => {
    bundle.questions[0]!.modelAnswer = 'Canaries first, then everyone.';
    bundle.questions[0]!.draft = bundleDraft();
    const summary = await importBundle({ actor: null, input: bundle }, prisma, graders);

    expect(await versions()).toEqual([
      [1, true, 'Canaries first, then everyone.'],
      [2, false, DRAFT],
      [3, false, 'The bundle’s own draft.'],
    ]);
    expect(summary).toMatchObject({ versionsCreated: 1, versionsPublished: 0, draftsKept: 1 });
    expect(summary.questions[0]?.keptDraft).toEqual({ version: 2, isStillDraft: false, importedVersion: 3 });
  });

  it('publishes the draft where it is when it is exactly the imported material (nothing is lost)', async () => {
    bundle.questions[0]!.modelAnswer = DRAFT;
    bundle.questions[0]!.rubric = { ...bundle.questions[0]!.rubric!, version: 2 };
    const summary = await importBundle({ actor: null, input: bundle }, prisma, graders);

    expect(await versions()).toEqual([
      [1, true, 'Canaries first, then everyone.'],
      [2, true, DRAFT],
    ]);
    expect(summary).toMatchObject({ versionsCreated: 0, versionsPublished: 1, draftsKept: 0 });
  });

  it("names the question's fields the import changed", async () => {
    const topicId = (await prisma.topic.findUniqueOrThrow({ where: { slug: 'ops' }, select: { id: true } })).id;
    await updateQuestion({ actor: admin, input: { id: questionId, topicId, prompt: 'An edited prompt.', difficulty: 'MEDIUM', type: 'TECHNICAL', answerKind: 'WRITTEN', tags: ['edited'] } });
    const summary = await importBundle({ actor: null, input: bundle }, prisma, graders);
    expect(summary.questions[0]?.fieldsChanged).toEqual(['prompt', 'tags']);
    expect(describeImportedQuestion(summary.questions[0]!)).toMatch(/^changed prompt, tags; kept this bank's unpublished draft/);
  });

  it('npm run bank:import prints the kept drafts', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'bundle-drafts-'));
    const file = path.join(dir, 'ops.json');
    writeFileSync(file, serializeBundle(bundle));
    try {
      const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/bank-import.ts', file], { env: { ...process.env, DATABASE_URL: requireDatabaseUrl() } });
      expect(stdout).toContain(`[bank:import] kept 1 unpublished draft: ${SLUG} version 3`);
      expect(stdout).toContain(`updated   ${SLUG}: kept this bank's unpublished draft, unchanged and still the draft, as version 3`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(await versions()).toContainEqual([3, false, DRAFT]);
  }, 60_000);
});
