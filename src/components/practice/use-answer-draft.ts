'use client';

// The unsent answer, kept in this browser per question (localStorage) so a reload or a crash
// loses nothing, and a "leave this page?" prompt while there is text that was never submitted.
import { useCallback, useEffect, useState } from 'react';

// Per account as well as per question: on a shared computer the next person to sign in must not
// find the previous one's unsent answer in the editor.
const draftKey = (owner: string, questionId: string) => `rehearse:draft:${owner}:${questionId}`;
// Where drafts were kept before they had an owner, so an upgrade loses no draft: they all go to
// one account, the first to open a question in this browser after the upgrade (most likely the
// one signed in across it, their author), recorded under LEGACY_OWNER_KEY. Taken question by
// question, each by whoever opened it first, the drafts its author had not opened yet went to the
// next person to sign in.
const legacyKey = (questionId: string) => `rehearse:draft:${questionId}`;
const LEGACY_OWNER_KEY = 'rehearse:draft-legacy-owner';
const LEGACY_KEY = /^rehearse:draft:[0-9a-f-]{36}$/;

function hasLegacyDrafts(storage: Storage): boolean {
  for (let i = 0; i < storage.length; i++) if (LEGACY_KEY.test(storage.key(i) ?? '')) return true;
  return false;
}

function readDraft(owner: string, questionId: string): string | null {
  try {
    const storage = window.localStorage;
    const key = draftKey(owner, questionId);
    const draft = storage.getItem(key);
    if (draft !== null) return draft;
    let legacyOwner = storage.getItem(LEGACY_OWNER_KEY);
    if (legacyOwner === null) {
      if (!hasLegacyDrafts(storage)) return null;
      storage.setItem(LEGACY_OWNER_KEY, owner);
      legacyOwner = owner;
    }
    if (legacyOwner !== owner) return null;
    const legacy = storage.getItem(legacyKey(questionId));
    if (legacy === null) return null;
    storage.setItem(key, legacy);
    storage.removeItem(legacyKey(questionId));
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
      const draft = readDraft(owner, questionId);
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
      if (readDraft(owner, questionId) === value) writeDraft(key, null);
    },
    [key, owner, questionId],
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
