// A question as everyone sees it (no answers, no material), from the public cache, with its
// practice count at most PRACTICE_COUNT_LAG_MS old. Memoised per request.
import { cache } from 'react';
import { getQuestion, type QuestionDetail } from '@/server/questions/get-question';
import { questionTag } from './catalog-tags';
import { cachedRead } from './cached-read';
import { withFreshCounts } from './read-practice-counts';

export const getPublicQuestion = cache(async (slug: string): Promise<QuestionDetail | null> => {
  const question = await cachedRead('question', [slug], [questionTag(slug)], () => getQuestion({ slug }));
  if (!question) return null;
  const [fresh] = await withFreshCounts(`question:${slug}`, [question]);
  return fresh ?? question;
});
