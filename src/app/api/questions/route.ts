// GET /api/questions?topic=<slug>: the questions of one topic; anonymous callers get the preview
// and the number of questions that signing in unlocks.
import { NextResponse } from 'next/server';
import { getSessionUser } from '@/server/auth';
import { env } from '@/server/env';
import { parseSearchParams, route } from '@/server/http';
import { listQuestions } from '@/server/questions/list-questions';
import { ListQuestionsQuerySchema } from '@/server/questions/schemas';

export const GET = route(async (request) => {
  const query = parseSearchParams(request, ListQuestionsQuerySchema);
  const user = await getSessionUser();
  const { questions, total } = await listQuestions({ topic: query.topic, limit: user ? undefined : env.PREVIEW_QUESTION_COUNT });
  return NextResponse.json({ topic: query.topic, total, locked: total - questions.length, questions });
});
