'use client';

import { useRouter } from 'next/navigation';
import { useCallback, useEffect } from 'react';
import type { AttemptView } from '@/lib/attempt-view';
import type { AnswerKindCode } from '@/lib/labels';
import { AttemptAnnouncer } from './attempt-announcer';
import { AttemptResult } from './attempt-result';
import { RecallButtons } from './recall-buttons';
import { SessionEnded } from './session-ended';
import { useFollowedAttempt } from './use-followed-attempt';

const GRADED = ['PASSED', 'FAILED', 'ERROR'];

// An attempt's own page: its result, followed live while it is still being graded.
export function FollowedAttempt({ initial, answerKind }: { initial: AttemptView; answerKind: AnswerKindCode }) {
  const router = useRouter();
  const onSettled = useCallback(() => router.refresh(), [router]);
  const { attempt, error, abandoned, signedOut, settledHere } = useFollowedAttempt(initial, onSettled);
  useEffect(() => {
    if (settledHere) document.getElementById('result-heading')?.focus();
  }, [settledHere]);
  if (!attempt) return null;
  return (
    <div className="space-y-6">
      <AttemptAnnouncer attempt={attempt} />
      {signedOut ? <SessionEnded situation="Your answer is saved and is being graded." then="to see the result." /> : null}
      {error ? <p role="alert" className="text-sm text-rose-800 dark:text-rose-200">{error}</p> : null}
      {abandoned ? null : <AttemptResult attempt={attempt} answerKind={answerKind} />}
      {GRADED.includes(attempt.status) ? <RecallButtons key={attempt.id} attemptId={attempt.id} initial={attempt.recall} /> : null}
    </div>
  );
}
