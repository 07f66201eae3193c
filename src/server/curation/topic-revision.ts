// What a topic's editor started from: a fingerprint of the fields it edits. A save that sends an
// older fingerprint would silently put back what another tab just changed, so it is refused. The
// fields are fingerprinted (not updatedAt), so nothing but an edit makes an open editor stale.
import { createHash } from 'node:crypto';
import { stableJson } from './material-hash';

export type TopicFields = { slug: string; name: string; description: string; published: boolean };

export function topicRevision({ slug, name, description, published }: TopicFields): string {
  return createHash('sha256').update(stableJson({ slug, name, description, published })).digest('hex').slice(0, 32);
}
