'use server';
// Server action for re-grading a question's past attempts under its live version (docs/decisions/016).
import type { ActionResult } from '@/components/admin/action-result';
import { startRegrade, type StartedRegrade } from '@/server/regrading/start-regrade';
import { StartRegradeSchema } from '@/server/regrading/schemas';
import { runAdminAction } from './run-admin-action';

export async function startRegradeAction(questionId: string): Promise<ActionResult<StartedRegrade>> {
  return runAdminAction(StartRegradeSchema, { questionId }, (actor, data) => startRegrade({ actor, input: data }));
}
