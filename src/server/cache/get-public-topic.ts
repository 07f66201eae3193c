// A topic and one page of its questions from the public cache, with practice counts at most
// PRACTICE_COUNT_LAG_MS old. Memoised per request (generateMetadata and the page share it).
import { cache } from 'react';
import { getTopic, type TopicDetail } from '@/server/topics/get-topic';
import { topicTag } from './catalog-tags';
import { cachedRead } from './cached-read';
import { withFreshCounts } from './read-practice-counts';

export const getPublicTopic = cache(async (slug: string, limit?: number, page = 1): Promise<TopicDetail | null> => {
  const topic = await cachedRead('topic', [slug, limit, page], [topicTag(slug)], () => getTopic({ slug, limit, page }));
  if (!topic) return null;
  return { ...topic, questions: await withFreshCounts(`topic:${slug}:${limit ?? 'all'}:${page}`, topic.questions) };
});
