// Saving grading material is checked at once, not only at validation: an empty rubric, a written
// question without calibration samples, an unknown harness or a missing reference solution are
// refused with field errors that name their paths, and nothing is written.
import { beforeEach, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { createQuestion } from '@/server/curation/create-question';
import { saveQuestionMaterial } from '@/server/curation/save-question-material';
import type { MaterialInput } from '@/server/curation/schemas';
import { prisma } from '@/server/db';
import { fieldErrors } from '@/lib/field-errors';
import { resetDatabase } from '../../support/reset-database';
import { makeAdmin, makeTopic, writtenMaterial } from './fixtures';

let admin: { id: string };
let topicId: string;

beforeEach(async () => {
  await resetDatabase();
  admin = await makeAdmin();
  topicId = (await makeTopic()).id;
});

async function question(answerKind: 'WRITTEN' | 'BASH' | 'CONFIG') {
  return (await createQuestion({ actor: admin, input: { topicId, prompt: `A ${answerKind} question about rolling back.`, difficulty: 'EASY', type: 'TECHNICAL', answerKind, tags: [] } })).id;
}

async function saveErrors(questionId: string, material: MaterialInput): Promise<Record<string, string>> {
  const error = await saveQuestionMaterial({ actor: admin, input: { questionId, material } }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ZodError);
  return fieldErrors(error as ZodError);
}

const code = (overrides: Partial<MaterialInput> = {}): MaterialInput => ({
  rubric: null,
  harness: { name: 'bash-deploy', version: 1 },
  modelAnswer: null,
  starterCode: '#!/usr/bin/env bash\n',
  validation: { kind: 'code', reference: 'echo ok', badVariants: [] },
  ...overrides,
});

describe('saving grading material', () => {
  it('refuses an empty rubric and an empty calibration list, naming the paths', async () => {
    const id = await question('WRITTEN');
    const fields = await saveErrors(id, { ...writtenMaterial(), rubric: null, validation: { kind: 'written', calibration: [] } });
    expect(fields).toEqual({
      'material.rubric.concepts': 'A rubric needs at least one concept: add the concepts a strong answer covers.',
      'material.validation.calibration': 'Add at least one calibration sample (an answer and the score band it should land in).',
    });
    const broken = writtenMaterial();
    broken.validation = { kind: 'written', calibration: [{ label: 'x', band: { min: 90, max: 10 }, answer: 'y' }] };
    expect(await saveErrors(id, broken)).toEqual({ 'material.validation.calibration.0.band.max': 'The lowest expected score must not exceed the highest.' });
    expect(await prisma.questionVersion.findFirstOrThrow({ where: { questionId: id }, select: { rubric: true } })).toEqual({ rubric: null });
    expect(await prisma.auditLog.count({ where: { action: 'question.material.save' } })).toBe(0);
  });

  it('refuses an unknown harness, a wrong harness version and a missing reference', async () => {
    const id = await question('BASH');
    expect(await saveErrors(id, code({ harness: { name: 'python-compare-manifests', version: 1 } }))).toEqual({
      'material.harness.name': 'There is no Bash harness "python-compare-manifests"; choose one of: bash-deploy, bash-deploy-health-rollback, bash-kubectl-canary-promotion, bash-nginx-blue-green-switch, bash-safe-log-cleanup.',
    });
    expect(await saveErrors(id, code({ harness: { name: 'bash-deploy', version: 7 } }))).toEqual({ 'material.harness.version': 'The harness "bash-deploy" is at version 1.' });
    expect(await saveErrors(id, code({ validation: { kind: 'code', reference: '  ', badVariants: [] } }))).toEqual({
      'material.validation.reference': 'Write the reference solution: validation runs it and it must pass every test.',
    });
  });

  it('holds a configuration question to the configuration harnesses', async () => {
    const id = await question('CONFIG');
    const yaml = code({ harness: { name: 'python-compare-manifests', version: 1 }, starterCode: 'kind: Deployment\n', validation: { kind: 'code', reference: 'kind: Deployment\n', badVariants: [] } });
    expect(await saveErrors(id, yaml)).toEqual({
      'material.harness.name': 'There is no configuration harness "python-compare-manifests"; choose one of: config-kubernetes-zero-downtime, config-ci-build-once-promote.',
    });
    expect((await saveQuestionMaterial({ actor: admin, input: { questionId: id, material: { ...yaml, harness: { name: 'config-kubernetes-zero-downtime', version: 1 } } } })).changed).toBe(true);
  });

  it('saves complete material', async () => {
    expect((await saveQuestionMaterial({ actor: admin, input: { questionId: await question('WRITTEN'), material: writtenMaterial() } })).changed).toBe(true);
    expect((await saveQuestionMaterial({ actor: admin, input: { questionId: await question('BASH'), material: code() } })).changed).toBe(true);
  });
});
