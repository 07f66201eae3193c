'use client';

// The unsent answer, kept in this browser per question (localStorage) so a reload or a crash
// loses nothing, and a "leave this page?" prompt while there is text that was never submitted.
import { useCallback, useEffect, useState } from 'react';

// Per account as well as per question: on a shared computer the next person to sign in must not
// find the previous one's unsent answer in the editor.
const draftKey = (owner: string, questionId: string) => `rehearse:draft:${owner}:${questionId}`;
// Where drafts were kept before they had an owner; one found there is taken over by the first
// account to open its question, so an upgrade loses no draft.
const legacyKey = (questionId: string) => `rehearse:draft:${questionId}`;

function readDraft(key: string, questionId: string): string | null {
  try {
    const draft = window.localStorage.getItem(key);
    if (draft !== null) return draft;
    const legacy = window.localStorage.getItem(legacyKey(questionId));
    if (legacy === null) return null;
    window.localStorage.setItem(key, legacy);
    window.localStorage.removeItem(legacyKey(questionId));
    return legacy;
  } catch {
    return null;
  }
}

// False when storage is full or turned off: the draft then lives only in the page.
function writeDraft(key: string, value: string | null): boolean {
  try {
    if (value === null) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, value);
    return true;
  } catch {
    return false;
  }
}

// `baseline` is what the editor holds when nothing is unsaved: the last submitted answer, or the
// starter code. Returns the answer, a setter, and `restoredAt` (bumped when a stored draft was
// put back or the answer replaced, so an uncontrolled editor can remount with it), and `kept`:
// false while an unsent answer could not be stored (storage full or turned off), so a message
// never promises that it is kept in this browser.
// `owner`: the signed-in account's id.
export function useAnswerDraft(owner: string, questionId: string, baseline: string) {
  const key = draftKey(owner, questionId);
  const [answer, setAnswerState] = useState(baseline);
  const [saved, setSaved] = useState(baseline);
  const [restoredAt, setRestoredAt] = useState(0);
  const [kept, setKept] = useState(true);

  // Read after mount: the server render cannot see localStorage.
  useEffect(() => {
    // After hydration, so the server-rendered editor and the first client render agree.
    const timer = setTimeout(() => {
      const draft = readDraft(key, questionId);
      if (draft !== null && draft !== baseline) {
        setAnswerState(draft);
        setRestoredAt(Date.now());
      }
    }, 0);
    return () => clearTimeout(timer);
    // Only on arrival; later baselines come from markSubmitted.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  const setAnswer = useCallback(
    (value: string) => {
      setAnswerState(value);
      const stored = writeDraft(key, value === saved ? null : value);
      setKept(stored || value === saved);
    },
    [key, saved],
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
      setKept(true);
      // Only the draft that was sent: another tab on the same question may have stored its own
      // unsent text since, and that is still to be kept.
      if (readDraft(key, questionId) === value) writeDraft(key, null);
    },
    [key, questionId],
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

  return { answer, setAnswer, replaceAnswer, markSubmitted, isDirty, restoredAt, kept };
}
