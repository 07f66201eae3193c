// GET /api/topics[?role=<slug>][&category=<slug>]: the topics of the bank with their question
// counts; filtered by role or category, each topic also names its category and roles. A malformed
// slug is 400, an unknown role or category 404.
import { NextResponse } from 'next/server';
import { parseSearchParams, route } from '@/server/http';
import { listTaxonomyTopics } from '@/server/taxonomy/list-taxonomy-topics';
import { ListTopicsQuerySchema } from '@/server/taxonomy/schemas';
import { listTopics } from '@/server/topics/list-topics';

export const GET = route(async (request) => {
  const query = parseSearchParams(request, ListTopicsQuerySchema);
  const topics = query.role || query.category ? await listTaxonomyTopics(query) : await listTopics();
  return NextResponse.json({ topics });
});
