// Cache tags of the public catalog (docs/decisions/017). Every cached public read carries
// CATALOG_TAG plus the tags of what it shows, so a write can drop exactly one topic or question,
// or, when its reach is wide (publishing changes counts on the home page), everything at once.
export const CATALOG_TAG = 'catalog';
export const TOPIC_LIST_TAG = 'catalog:topics';

export const topicTag = (slug: string) => `catalog:topic:${slug}`;
export const questionTag = (slug: string) => `catalog:question:${slug}`;
