'use client';

import { useSyncExternalStore } from 'react';
import { submitShortcutFor, type SubmitShortcut } from '@/lib/submit-shortcut';

const never = () => () => {};

// The server cannot see the candidate's system: it renders "Ctrl+Enter", and the browser names its
// own keys once hydrated (without a hydration mismatch).
export function useSubmitShortcut(): SubmitShortcut {
  return useSyncExternalStore(never, () => submitShortcutFor(navigator), () => 'Ctrl+Enter');
}
