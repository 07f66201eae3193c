'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Markdown } from '@/components/ui/markdown';
import { MAX_CODE_ANSWER_BYTES, MAX_WRITTEN_ANSWER_CHARS } from '@/grading/contract';
import { TERMINAL_STATUSES, type AttemptView } from '@/lib/attempt-view';
import { AttemptResult } from './attempt-result';
import { CodeEditor } from './code-editor';
import { RecallButtons } from './recall-buttons';
import { useAttemptResult } from './use-attempt-result';
import { WrittenAnswerEditor } from './written-answer-editor';

type Props = {
  questionId: string;
  answerKind: 'WRITTEN' | 'BASH' | 'PYTHON';
  starterCode: string | null;
  // Shown once the candidate has a graded attempt on this question.
  modelAnswer: string | null;
};

export function PracticePanel({ questionId, answerKind, starterCode, modelAnswer: initialModelAnswer }: Props) {
  const router = useRouter();
  const [answer, setAnswer] = useState(answerKind === 'WRITTEN' ? '' : (starterCode ?? ''));
  const [attempt, setAttempt] = useState<AttemptView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [modelAnswer, setModelAnswer] = useState(initialModelAnswer);

  const grading = attempt !== null && !TERMINAL_STATUSES.includes(attempt.status);

  // Follow the attempt until the worker has graded it (pushed by long-poll, see the hook).
  useAttemptResult(grading ? attempt.id : null, {
    onUpdate: (next) => {
      setAttempt(next);
      if (TERMINAL_STATUSES.includes(next.status)) {
        if (next.modelAnswer) setModelAnswer(next.modelAnswer);
        // Refresh the server-rendered history and practice count.
        router.refresh();
      }
    },
    onLost: () => setError('Lost track of your attempt; it is saved — reload the page to see it.'),
  });

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    if (!answer.trim()) {
      setError('Write an answer before submitting.');
      return;
    }
    setSubmitting(true);
    const response = await fetch('/api/attempts', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ questionId, answer }),
    });
    setSubmitting(false);
    const body = await response.json().catch(() => ({}));
    if (!response.ok) {
      setError(body.error ?? 'Could not submit your answer. Please try again.');
      return;
    }
    setAttempt({ id: body.id, status: body.status ?? 'QUEUED', score: null, result: null, recall: null, gradedVersion: null, createdAt: new Date().toISOString(), gradedAt: null });
  }

  const isCode = answerKind !== 'WRITTEN';
  return (
    <div className="space-y-6">
      <form onSubmit={onSubmit} className="space-y-3" aria-label="Practice">
        {isCode ? (
          <div className="space-y-1">
            <p className="text-sm font-medium" id="code-label">
              Your {answerKind === 'BASH' ? 'Bash script' : 'Python code'}
            </p>
            <CodeEditor
              language={answerKind === 'BASH' ? 'bash' : 'python'}
              initialValue={answer}
              onChange={setAnswer}
              label={answerKind === 'BASH' ? 'Bash script editor' : 'Python code editor'}
            />
            <p className="text-right text-xs text-slate-500">
              {new TextEncoder().encode(answer).length.toLocaleString('en-US')} / {MAX_CODE_ANSWER_BYTES.toLocaleString('en-US')} bytes
            </p>
          </div>
        ) : (
          <WrittenAnswerEditor value={answer} onChange={setAnswer} limit={MAX_WRITTEN_ANSWER_CHARS} disabled={grading} />
        )}
        {error ? (
          <p role="alert" className="rounded-lg bg-rose-50 px-3 py-2 text-sm text-rose-800 dark:bg-rose-500/10 dark:text-rose-300">
            {error}
          </p>
        ) : null}
        <Button type="submit" disabled={submitting || grading}>
          {submitting ? 'Submitting…' : grading ? 'Grading…' : 'Submit answer'}
        </Button>
      </form>

      {attempt ? <AttemptResult attempt={attempt} /> : null}
      {attempt && TERMINAL_STATUSES.includes(attempt.status) && attempt.status !== 'INFRA_ERROR' ? (
        <RecallButtons key={attempt.id} attemptId={attempt.id} initial={attempt.recall} />
      ) : null}

      {modelAnswer ? (
        <section aria-labelledby="model-answer-heading" className="space-y-2 rounded-xl border border-emerald-200 bg-emerald-50/50 p-5 dark:border-emerald-500/30 dark:bg-emerald-500/5">
          <h2 id="model-answer-heading" className="text-lg font-semibold">Model answer</h2>
          <div data-testid="model-answer">
            <Markdown>{modelAnswer}</Markdown>
          </div>
        </section>
      ) : null}
    </div>
  );
}
