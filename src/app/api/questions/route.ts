// GET /api/questions?topic=<slug>&page=<n>: one page of a topic's questions (50 a page; `page`
// and `pageCount` in the answer; a page past the last is empty); anonymous callers get the preview
// as page 1 of 1 and, on every page, the number of questions that signing in unlocks (`locked`). Both lists come from the public cache; only the anonymous answer may be
// kept by a shared cache.
import { NextResponse } from 'next/server';
import { getPublicTopic } from '@/server/cache/get-public-topic';
import { PRIVATE_CACHE_CONTROL, PUBLIC_CACHE_CONTROL } from '@/server/cache/public-cache-control';
import { env } from '@/server/env';
import { NotFoundError } from '@/server/errors';
import { parseSearchParams, route } from '@/server/http';
import { ListQuestionsQuerySchema } from '@/server/questions/schemas';
import { getViewer } from '@/server/viewer';

export const GET = route(async (request) => {
  const query = parseSearchParams(request, ListQuestionsQuerySchema);
  // The member copy of the page cache (decision 017) is the full list, like any signed-in answer.
  const { signedIn } = await getViewer();
  const topic = await getPublicTopic(query.topic, signedIn ? undefined : env.PREVIEW_QUESTION_COUNT, query.page);
  if (!topic) throw new NotFoundError(`No topic "${query.topic}".`);
  const { questions, questionCount: total, locked, page, pageCount } = topic;
  return NextResponse.json(
    { topic: query.topic, total, locked, page, pageCount, questions },
    { headers: { 'Cache-Control': signedIn ? PRIVATE_CACHE_CONTROL : PUBLIC_CACHE_CONTROL, Vary: 'Cookie' } },
  );
});
