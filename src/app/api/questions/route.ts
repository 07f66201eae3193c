// GET /api/questions?topic=<slug>&page=<n>: one page of a topic's questions (50 a page; `page`
// and `pageCount` in the answer); anonymous callers get the preview and the number of questions
// that signing in unlocks.
import { NextResponse } from 'next/server';
import { getSessionUser } from '@/server/auth';
import { env } from '@/server/env';
import { parseSearchParams, route } from '@/server/http';
import { listQuestions } from '@/server/questions/list-questions';
import { ListQuestionsQuerySchema } from '@/server/questions/schemas';

export const GET = route(async (request) => {
  const query = parseSearchParams(request, ListQuestionsQuerySchema);
  const user = await getSessionUser();
  const { questions, total, page, pageCount } = await listQuestions({ topic: query.topic, page: query.page, limit: user ? undefined : env.PREVIEW_QUESTION_COUNT });
  return NextResponse.json({ topic: query.topic, total, locked: user ? 0 : total - questions.length, page, pageCount, questions });
});
