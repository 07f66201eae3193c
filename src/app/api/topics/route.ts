// GET /api/topics: the topics of the bank with their question counts. The same for everyone, from
// the public cache; a shared cache may keep the answer briefly unless the caller has a session.
import { NextResponse } from 'next/server';
import { hasSessionCookie } from '@/server/auth';
import { listPublicTopics } from '@/server/cache/list-public-topics';
import { PRIVATE_CACHE_CONTROL, PUBLIC_CACHE_CONTROL } from '@/server/cache/public-cache-control';
import { route } from '@/server/http';

export const GET = route(async () => {
  const topics = await listPublicTopics();
  const cacheControl = (await hasSessionCookie()) ? PRIVATE_CACHE_CONTROL : PUBLIC_CACHE_CONTROL;
  return NextResponse.json({ topics }, { headers: { 'Cache-Control': cacheControl, Vary: 'Cookie' } });
});
