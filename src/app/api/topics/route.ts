// GET /api/topics[?role=<slug>][&category=<slug>]: the topics of the bank with their question
// counts; filtered by role or category, each topic also names its category and roles. A malformed
// slug is 400, an unknown role or category 404. The unfiltered list is the same for everyone and
// comes from the public cache; a shared cache may keep it briefly unless the caller has a session.
import { NextResponse } from 'next/server';
import { cookieHeaderHasSession } from '@/server/users/session-cookie';
import { listPublicTopics } from '@/server/cache/list-public-topics';
import { PRIVATE_CACHE_CONTROL, PUBLIC_CACHE_CONTROL } from '@/server/cache/public-cache-control';
import { parseSearchParams, route } from '@/server/http';
import { listTaxonomyTopics } from '@/server/taxonomy/list-taxonomy-topics';
import { ListTopicsQuerySchema } from '@/server/taxonomy/schemas';

export const GET = route(async (request) => {
  const query = parseSearchParams(request, ListTopicsQuerySchema);
  const topics = query.role || query.category ? await listTaxonomyTopics(query) : await listPublicTopics();
  const cacheControl = cookieHeaderHasSession(request.headers.get('cookie')) ? PRIVATE_CACHE_CONTROL : PUBLIC_CACHE_CONTROL;
  return NextResponse.json({ topics }, { headers: { 'Cache-Control': cacheControl, Vary: 'Cookie' } });
});
