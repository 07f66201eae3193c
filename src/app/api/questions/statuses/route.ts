// GET /api/questions/statuses?ids=<id>,<id>…: the caller's status (new / tried / passed) on each
// question, for a topic page that came from the member copy of the page cache (decision 017).
import { NextResponse } from 'next/server';
import { requireUser } from '@/server/auth';
import { PRIVATE_CACHE_CONTROL } from '@/server/cache/public-cache-control';
import { parseSearchParams, route } from '@/server/http';
import { QuestionStatusesQuerySchema } from '@/server/questions/schemas';
import { listQuestionStatuses } from '@/server/search/list-question-statuses';

export const GET = route(async (request) => {
  const actor = await requireUser();
  const { ids } = parseSearchParams(request, QuestionStatusesQuerySchema);
  const statuses = await listQuestionStatuses({ actor, input: { questionIds: ids } });
  return NextResponse.json({ statuses }, { headers: { 'Cache-Control': PRIVATE_CACHE_CONTROL } });
});
