'use client';

// The unsent answer, kept in this browser per question (localStorage) so a reload or a crash
// loses nothing, and a "leave this page?" prompt while there is text that was never submitted.
import { useCallback, useEffect, useState } from 'react';

const key = (questionId: string) => `rehearse:draft:${questionId}`;

function readDraft(questionId: string): string | null {
  try {
    return window.localStorage.getItem(key(questionId));
  } catch {
    return null;
  }
}

function writeDraft(questionId: string, value: string | null) {
  try {
    if (value === null) window.localStorage.removeItem(key(questionId));
    else window.localStorage.setItem(key(questionId), value);
  } catch {
    // Storage full or disabled: the draft is only lost on reload, as before.
  }
}

// `baseline` is what the editor holds when nothing is unsaved: the last submitted answer, or the
// starter code. Returns the answer, a setter, and `restoredAt` (bumped when a stored draft was
// put back or the answer replaced, so an uncontrolled editor can remount with it).
export function useAnswerDraft(questionId: string, baseline: string) {
  const [answer, setAnswerState] = useState(baseline);
  const [saved, setSaved] = useState(baseline);
  const [restoredAt, setRestoredAt] = useState(0);

  // Read after mount: the server render cannot see localStorage.
  useEffect(() => {
    // After hydration, so the server-rendered editor and the first client render agree.
    const timer = setTimeout(() => {
      const draft = readDraft(questionId);
      if (draft !== null && draft !== baseline) {
        setAnswerState(draft);
        setRestoredAt(Date.now());
      }
    }, 0);
    return () => clearTimeout(timer);
    // Only on arrival; later baselines come from markSubmitted.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [questionId]);

  const setAnswer = useCallback(
    (value: string) => {
      setAnswerState(value);
      writeDraft(questionId, value === saved ? null : value);
    },
    [questionId, saved],
  );

  // A value put in from outside the editor (the starter code, on reset): kept by the same rule as
  // typing (the baseline clears the stored draft, anything else is stored), and the editor remounts.
  const replaceAnswer = useCallback(
    (value: string) => {
      setAnswer(value);
      setRestoredAt((n) => n + 1);
    },
    [setAnswer],
  );

  const markSubmitted = useCallback(
    (value: string) => {
      setSaved(value);
      // Only the draft that was sent: another tab on the same question may have stored its own
      // unsent text since, and that is still to be kept.
      if (readDraft(questionId) === value) writeDraft(questionId, null);
    },
    [questionId],
  );

  const isDirty = answer !== saved && answer.trim().length > 0;

  useEffect(() => {
    if (!isDirty) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers need returnValue set to show the prompt.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [isDirty]);

  return { answer, setAnswer, replaceAnswer, markSubmitted, isDirty, restoredAt };
}
