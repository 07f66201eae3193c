'use client';

import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useRef, useState } from 'react';
import { CodeEditor } from '@/components/practice/code-editor';
import { AnswerSize } from '@/components/practice/answer-size';
import { AnswerWords } from '@/components/practice/answer-words';
import { ContractBrief } from '@/components/practice/contract-brief';
import { KeyboardHint } from '@/components/practice/keyboard-hint';
import { Button } from '@/components/ui/button';
import { Markdown } from '@/components/ui/markdown';
import { FocusOnArrival, focusOnArrival } from '@/components/ui/focus-on-arrival';
import { clockAnnouncement, formatClock, useMockClock } from './use-mock-clock';
import { isAnswered, tooShortNumbers, tooShortWarning, unansweredNumbers, unansweredWarning } from './unanswered';
import { type AnswerKindCode, CODE_ANSWER_NOUN, CODE_EDITOR_LANGUAGE, CODE_KIND_SHORT } from '@/lib/labels';

type Question = { id: string; prompt: string; answerKind: AnswerKindCode; starterCode: string | null; brief: string | null; isWithdrawn?: boolean };

type Props = { sessionId: string; minutes: number; endsAt: string; serverNow: string; questions: Question[] };

const storageKey = (id: string) => `rehearse:mock:${id}`;

// A mock interview under the clock: one question at a time, answers kept in the browser as they
// are typed (so a reload loses nothing), "Finish" or the time-out submits everything answered.
// A code question shows its brief (the contract), as the practice page does, and every answer the
// practice page's size counter against the submission limit.
// The timer is visible throughout; a polite live region announces the start, five and one
// minute left, and the time-out (never every second).
// "Finish" with questions still unanswered, or written answers too short to be graded, asks first,
// inline: it says which ones will score 0 and offers "Finish anyway" or "Keep answering" (which goes
// to the first of them). The time-out does not ask.
export function MockInterview({ sessionId, minutes, endsAt, serverNow, questions }: Props) {
  const router = useRouter();
  const secondsLeft = useMockClock(endsAt, serverNow);
  const [index, setIndex] = useState(0);
  const [answers, setAnswers] = useState<Record<string, string>>(() => Object.fromEntries(questions.map((q) => [q.id, q.answerKind === 'WRITTEN' ? '' : (q.starterCode ?? '')])));
  const [restored, setRestored] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [finishing, setFinishing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const finished = useRef(false);
  // Whether this browser keeps the answers (false once storing one failed: storage full or off).
  const kept = useRef(true);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const warningRef = useRef<HTMLParagraphElement>(null);

  // Answers kept in this browser (a reload mid-interview), read once the page is interactive.
  useEffect(() => {
    const timer = setTimeout(() => {
      try {
        const saved = JSON.parse(localStorage.getItem(storageKey(sessionId)) ?? 'null') as Record<string, string> | null;
        if (saved && typeof saved === 'object') {
          setAnswers((current) => ({ ...current, ...saved }));
          setRestored((n) => n + 1);
        }
      } catch {
        // A draft that does not parse is ignored.
      }
    }, 0);
    return () => clearTimeout(timer);
  }, [sessionId]);

  const setAnswer = useCallback(
    (questionId: string, value: string) =>
      setAnswers((current) => {
        const next = { ...current, [questionId]: value };
        try {
          localStorage.setItem(storageKey(sessionId), JSON.stringify(next));
          kept.current = true;
        } catch {
          // Storage full or off: the answer still lives in the page, and only there.
          kept.current = false;
        }
        return next;
      }),
    [sessionId],
  );

  const finish = useCallback(async () => {
    if (finished.current) return;
    finished.current = true;
    setFinishing(true);
    setError(null);
    const response = await fetch(`/api/mock-sessions/${sessionId}/finish`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      // Untouched starter code is no answer.
      body: JSON.stringify({ answers: questions.map((q) => ({ questionId: q.id, answer: answers[q.id] === (q.starterCode ?? '') ? '' : (answers[q.id] ?? '') })) }),
    }).catch(() => null);
    const body = await response?.json().catch(() => ({}));
    if (!response?.ok) {
      finished.current = false;
      setFinishing(false);
      const where = kept.current
        ? 'Your answers are kept in this browser; press Finish to try again.'
        : 'Your answers are only on this page (this browser is not keeping them): press Finish to try again, and do not leave or reload the page meanwhile.';
      setError(`${body?.error ?? 'Could not submit your answers.'} ${where}`);
      return;
    }
    try {
      localStorage.removeItem(storageKey(sessionId));
    } catch {
      // Storage turned off: nothing was kept there.
    }
    // The report replaces the interview (and the Finish button with it): its heading takes focus,
    // as a practice result does, instead of focus falling to <body> with nothing said.
    focusOnArrival('report-heading');
    router.refresh();
  }, [answers, questions, router, sessionId]);

  // Changes only at the start, five and one minute left, and the time-out: that is all it says.
  const announcement = clockAnnouncement(secondsLeft, minutes) ?? `Mock interview started: ${questions.length} questions in ${minutes} minutes.`;
  useEffect(() => {
    if (secondsLeft > 0) return;
    const timer = setTimeout(() => void finish(), 0);
    return () => clearTimeout(timer);
  }, [secondsLeft, finish]);

  const goTo = (next: number) => {
    setIndex(next);
    requestAnimationFrame(() => headingRef.current?.focus());
  };

  const unanswered = unansweredNumbers(questions, answers);
  // Written answers under the minimum score 0 as surely as blank ones: Finish names them too.
  const tooShort = tooShortNumbers(questions, answers);
  const toWarnOf = [...unanswered, ...tooShort].sort((a, b) => a - b);
  const askingToFinish = confirming && toWarnOf.length > 0;
  const askToFinish = () => {
    if (toWarnOf.length === 0) return void finish();
    setConfirming(true);
    // The question replaces the Finish button: focus goes to what it says, then Tab reaches its buttons.
    requestAnimationFrame(() => warningRef.current?.focus());
  };
  const keepAnswering = () => {
    setConfirming(false);
    goTo((toWarnOf[0] ?? index + 1) - 1);
  };

  const question = questions[index]!;
  const answer = answers[question.id] ?? '';
  const codeKind = question.answerKind === 'WRITTEN' ? null : question.answerKind;
  const isCode = codeKind !== null;
  const low = secondsLeft <= 60;
  return (
    <div className="space-y-6">
      {/* The clock, kept in view while the candidate scrolls; the page's heading names the topic
          right above, so the bar does not repeat it. */}
      <div className="sticky top-0 z-10 flex flex-wrap items-center justify-end gap-3 rounded-xl border border-slate-200 bg-white px-4 py-3 dark:border-slate-800 dark:bg-slate-900">
        <p className="text-sm">
          <span className="sr-only">Time left: </span>
          <span role="timer" aria-live="off" data-testid="mock-timer" className={`font-mono text-lg font-semibold ${low ? 'text-rose-700 dark:text-rose-300' : ''}`}>
            {formatClock(secondsLeft)}
          </span>{' '}
          <span aria-hidden className="text-slate-700 dark:text-slate-300">left</span>
        </p>
      </div>
      <p role="status" aria-live="polite" className="sr-only" data-testid="mock-announcer">
        {announcement}
      </p>

      <nav aria-label="Questions in this mock interview">
        <ol className="flex flex-wrap gap-2">
          {questions.map((q, i) => {
            // Answered is seen as well as heard: a tick and a green edge, so a sighted candidate
            // knows which are left before Finish asks.
            const answered = isAnswered(q, answers[q.id]);
            const look = i === index ? 'border-indigo-600 bg-indigo-600 text-white' : answered ? 'border-emerald-600 text-emerald-800 dark:border-emerald-500 dark:text-emerald-300' : 'border-slate-300 dark:border-slate-700';
            return (
              <li key={q.id}>
                <button
                  type="button"
                  onClick={() => goTo(i)}
                  aria-current={i === index ? 'step' : undefined}
                  // The whole name in one piece: a visually hidden span after the number was read
                  // "1 , answered" (Chromium puts a space before an absolutely positioned element).
                  aria-label={`${i + 1}${answered ? ', answered' : ', not answered yet'}${q.isWithdrawn ? ', withdrawn' : ''}`}
                  data-testid="mock-question-link"
                  className={`rounded-lg border px-3 py-1 text-sm ${look}`}
                >
                  {i + 1}
                  {answered ? <span aria-hidden="true" className="ml-1">✓</span> : null}
                </button>
              </li>
            );
          })}
        </ol>
      </nav>

      <FocusOnArrival id="mock-question-heading" />
      <section aria-labelledby="mock-question-heading" className="space-y-4">
        <h2 id="mock-question-heading" ref={headingRef} tabIndex={-1} className="text-lg font-semibold">
          Question {index + 1} of {questions.length} <span className="text-sm font-normal text-slate-700 dark:text-slate-300">({isCode ? CODE_KIND_SHORT[codeKind] : 'written'})</span>
        </h2>
        {/* Withdrawn since the start (docs/decisions/013): it stays in the interview the candidate began, with
            whatever they wrote, but finishing keeps its answer ungraded; they hear that now, not in the report. */}
        {question.isWithdrawn ? (
          <p data-testid="mock-withdrawn" className="rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-500/10 dark:text-amber-200">
            This question was withdrawn after your interview started. Your answer to it is kept in your report but not graded, and it does not count toward your score.
          </p>
        ) : null}
        <div data-testid="mock-prompt">
          <Markdown>{question.prompt}</Markdown>
        </div>
        {question.brief ? <ContractBrief brief={question.brief} id="mock-brief-heading" level={3} /> : null}
        {isCode ? (
          <div className="space-y-1">
            <KeyboardHint id="mock-code-help" className="text-sm text-slate-700 dark:text-slate-300">
              Tab indents inside the editor. To leave it, press Escape, then Tab.
            </KeyboardHint>
            <CodeEditor
              key={`${question.id}-${restored}`}
              language={CODE_EDITOR_LANGUAGE[codeKind]}
              initialValue={answer}
              onChange={(value) => setAnswer(question.id, value)}
              label={`Your ${CODE_ANSWER_NOUN[codeKind]} for question ${index + 1}`}
              describedBy="mock-code-help"
            />
            <AnswerSize answerKind={codeKind} answer={answer} />
          </div>
        ) : (
          <div className="space-y-1">
            <label htmlFor="mock-answer" className="block text-sm font-medium">
              Your answer to question {index + 1} <span className="font-normal text-slate-700 dark:text-slate-300">(Markdown)</span>
            </label>
            <textarea
              id="mock-answer"
              value={answer}
              onChange={(e) => setAnswer(question.id, e.target.value)}
              rows={12}
              aria-describedby="mock-answer-words mock-answer-size"
              className="block w-full rounded-lg border border-slate-300 bg-white p-3 font-mono text-sm leading-relaxed shadow-sm focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/30 focus:outline-none dark:border-slate-700 dark:bg-slate-900"
            />
            <div className="flex flex-wrap justify-end gap-x-4">
              <AnswerWords id="mock-answer-words" answer={answer} />
              <AnswerSize id="mock-answer-size" answerKind="WRITTEN" answer={answer} />
            </div>
          </div>
        )}
      </section>

      {error ? (
        <p role="alert" className="rounded-lg bg-rose-50 px-3 py-2 text-sm text-rose-800 dark:bg-rose-500/10 dark:text-rose-200">
          {error}
        </p>
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        <Button type="button" variant="secondary" onClick={() => goTo(index - 1)} disabled={index === 0}>
          Previous question
        </Button>
        {index < questions.length - 1 ? (
          <Button type="button" variant="secondary" onClick={() => goTo(index + 1)}>
            Next question
          </Button>
        ) : null}
        {askingToFinish ? null : (
          <Button type="button" onClick={askToFinish} disabled={finishing}>
            {finishing ? 'Submitting your answers…' : 'Finish and get my report'}
          </Button>
        )}
      </div>
      {askingToFinish ? (
        <div
          role="group"
          aria-labelledby="mock-finish-warning"
          data-testid="mock-finish-confirm"
          onKeyDown={(e) => {
            if (e.key === 'Escape' && !finishing) keepAnswering();
          }}
          className="space-y-3 rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-amber-950 dark:border-amber-500/40 dark:bg-amber-500/10 dark:text-amber-100"
        >
          <p id="mock-finish-warning" ref={warningRef} tabIndex={-1} className="text-sm font-medium">
            {unanswered.length > 0 ? `${unansweredWarning(unanswered)} ` : ''}
            {tooShort.length > 0 ? `${tooShortWarning(tooShort)} ` : ''}Finish anyway?
          </p>
          <div className="flex flex-wrap gap-3">
            <Button type="button" onClick={() => void finish()} disabled={finishing}>
              {finishing ? 'Submitting your answers…' : 'Finish anyway'}
            </Button>
            <Button type="button" variant="secondary" onClick={keepAnswering} disabled={finishing}>
              Keep answering
            </Button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
