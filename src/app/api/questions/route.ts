// GET /api/questions?topic=<slug>: the questions of one topic.
import { NextResponse } from 'next/server';
import { parseSearchParams, route } from '@/server/http';
import { listQuestions } from '@/server/questions/list-questions';
import { ListQuestionsQuerySchema } from '@/server/questions/schemas';

export const GET = route(async (request) => {
  const query = parseSearchParams(request, ListQuestionsQuerySchema);
  const { questions, total } = await listQuestions({ topic: query.topic });
  return NextResponse.json({ topic: query.topic, total, questions });
});
