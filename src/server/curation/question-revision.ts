// What a question's editor started from: a fingerprint of the fields it edits. A save that sends
// an older fingerprint would silently undo someone else's edit, so it is refused. The fields
// themselves are fingerprinted (not updatedAt), so publishing, reordering or a practice count
// never makes an open editor look stale.
import { createHash } from 'node:crypto';
import { stableJson } from './material-hash';

export type QuestionFields = { slug: string; topicId: string; prompt: string; difficulty: string; type: string; answerKind: string; tags: string[] };

export function questionRevision({ slug, topicId, prompt, difficulty, type, answerKind, tags }: QuestionFields): string {
  return createHash('sha256').update(stableJson({ slug, topicId, prompt, difficulty, type, answerKind, tags })).digest('hex').slice(0, 32);
}
