// The home page's and GET /api/topics's topic list, from the public cache.
import { cache } from 'react';
import { listTopics, type TopicListItem } from '@/server/topics/list-topics';
import { TOPIC_LIST_TAG } from './catalog-tags';
import { cachedRead } from './cached-read';

export const listPublicTopics = cache(async (): Promise<TopicListItem[]> => {
  return (await cachedRead('topics', [], [TOPIC_LIST_TAG], () => listTopics())) ?? [];
});
