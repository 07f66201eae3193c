'use server';
// Server actions for the question pages: each checks the admin role, parses, and calls one verb.
import type { ActionResult } from '@/components/admin/action-result';
import { createQuestion } from '@/server/curation/create-question';
import { deleteQuestion } from '@/server/curation/delete-question';
import { saveQuestionMaterial, type SavedMaterial } from '@/server/curation/save-question-material';
import { IdSchema, QuestionInputSchema, SaveMaterialSchema, UpdateQuestionSchema } from '@/server/curation/schemas';
import { unpublishQuestion } from '@/server/curation/unpublish-question';
import { updateQuestion } from '@/server/curation/update-question';
import { runAdminAction } from './run-admin-action';

export async function createQuestionAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  return runAdminAction(QuestionInputSchema, input, (actor, data) => createQuestion({ actor, input: data }));
}

export async function updateQuestionAction(id: string, input: unknown): Promise<ActionResult<{ id: string; revision: string }>> {
  return runAdminAction(UpdateQuestionSchema, input, (actor, data) => updateQuestion({ actor, input: { id, ...data } }));
}

export async function saveMaterialAction(input: unknown): Promise<ActionResult<SavedMaterial>> {
  return runAdminAction(SaveMaterialSchema, input, (actor, data) => saveQuestionMaterial({ actor, input: data }));
}

export async function unpublishQuestionAction(id: string): Promise<ActionResult<void>> {
  return runAdminAction(IdSchema, id, (actor, questionId) => unpublishQuestion({ actor, input: { id: questionId } }));
}

export async function deleteQuestionAction(id: string): Promise<ActionResult<void>> {
  return runAdminAction(IdSchema, id, (actor, questionId) => deleteQuestion({ actor, input: { id: questionId } }));
}
