// The taxonomy the public pages show (roles, categories, a topic's placement), from the public cache
// (it changes only when the bank is seeded or topics move, which invalidates the topic list too).
import { cache } from 'react';
import { listCategories } from '@/server/taxonomy/list-categories';
import { listRoles } from '@/server/taxonomy/list-roles';
import { getTopicPlacement, type TopicPlacement } from '@/server/taxonomy/get-topic-placement';
import { TOPIC_LIST_TAG, topicTag } from './catalog-tags';
import { cachedRead } from './cached-read';

export const listPublicRoles = cache(async () => (await cachedRead('roles', [], [TOPIC_LIST_TAG], () => listRoles())) ?? []);

export const listPublicCategories = cache(async () => (await cachedRead('categories', [], [TOPIC_LIST_TAG], () => listCategories())) ?? []);

// Where a topic sits (its category and roles), for the topic page.
export const getPublicTopicPlacement = cache(
  async (slug: string): Promise<TopicPlacement> =>
    (await cachedRead('topic-placement', [slug], [topicTag(slug), TOPIC_LIST_TAG], () => getTopicPlacement({ slug }))) ?? { category: null, roles: [] },
);
