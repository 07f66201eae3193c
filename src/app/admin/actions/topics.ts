'use server';
// Server actions for the topic forms: each checks the admin role, parses, and calls one verb.
import type { ActionResult } from '@/components/admin/action-result';
import { createTopic } from '@/server/curation/create-topic';
import { deleteTopic } from '@/server/curation/delete-topic';
import { IdSchema, TopicInputSchema, UpdateTopicSchema } from '@/server/curation/schemas';
import { updateTopic } from '@/server/curation/update-topic';
import { runAdminAction } from './run-admin-action';

export async function createTopicAction(input: unknown): Promise<ActionResult<{ id: string }>> {
  return runAdminAction(TopicInputSchema, input, (actor, data) => createTopic({ actor, input: data }));
}

export async function updateTopicAction(id: string, input: unknown): Promise<ActionResult<{ id: string; revision: string }>> {
  // The verb checks the id (a malformed one is a 404-like message, not a field error).
  return runAdminAction(UpdateTopicSchema, input, (actor, data) => updateTopic({ actor, input: { id, ...data } }));
}

export async function deleteTopicAction(id: string): Promise<ActionResult<{ deletedQuestions: number }>> {
  return runAdminAction(IdSchema, id, (actor, topicId) => deleteTopic({ actor, input: { id: topicId } }));
}
