// Practice counts for the cached pages, at most PRACTICE_COUNT_LAG_MS old for anonymous visitors. The cached catalog
// holds the questions; the counts are laid over them from here, one indexed query per set of
// questions per window, so a grade recorded by the worker shows within the window without
// dropping the cached content (docs/decisions/017).
import { headers } from 'next/headers';
import { cookieHeaderHasSession } from '@/server/users/session-cookie';
import { listPracticeCounts } from '@/server/questions/list-practice-counts';
import type { QuestionSummary } from '@/server/questions/question-summary';
import { isCacheBypassed } from './is-cache-bypassed';
import { rememberBriefly } from './remember-briefly';

// 2 s here + the 1 s the web server keeps a whole anonymous page (page-micro-cache.ts) + the 2 s a
// CDN may keep a public response (public-cache-control.ts) = the 5 s the README promises.
export const PRACTICE_COUNT_LAG_MS = 2_000;

// `key` names the set (a topic page, a question), so the memo never keys on a long id list.
export async function readPracticeCounts(key: string, questionIds: string[]): Promise<Map<string, number>> {
  if (questionIds.length === 0) return new Map();
  const load = () => listPracticeCounts({ questionIds });
  if ((await isCacheBypassed()) || (await isSignedInView())) return load();
  return rememberBriefly(`practice-counts:${key}`, PRACTICE_COUNT_LAG_MS, load);
}

// A signed-in viewer gets exact counts (one indexed query): their own graded answer shows at once,
// and their pages are rendered for them alone, never from the shared page cache. The memo is for
// the anonymous crowd.
async function isSignedInView(): Promise<boolean> {
  try {
    return cookieHeaderHasSession((await headers()).get('cookie'));
  } catch {
    // Outside a request (a background revalidation) nobody is signed in.
    return false;
  }
}

export async function withFreshCounts<Q extends Pick<QuestionSummary, 'id' | 'practiceCount'>>(key: string, questions: Q[]): Promise<Q[]> {
  const counts = await readPracticeCounts(key, questions.map((q) => q.id));
  return questions.map((q) => ({ ...q, practiceCount: counts.get(q.id) ?? q.practiceCount }));
}
