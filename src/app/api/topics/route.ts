// GET /api/topics: the topics of the bank with their question counts.
import { NextResponse } from 'next/server';
import { route } from '@/server/http';
import { listTopics } from '@/server/topics/list-topics';

export const GET = route(async () => {
  const topics = await listTopics();
  return NextResponse.json({ topics });
});
