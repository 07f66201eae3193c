'use client';

import { useState } from 'react';
import { Button } from '@/components/ui/button';

// "Reset to starter code" for a code answer, behind a confirm step so that one stray click (or tap)
// cannot wipe the candidate's work. Offered while the editor holds anything but the starter code.
// Focus stays where the candidate is: on "Keep my code" when asked (the safe answer), back on the
// button when they keep it, and in the editor (the caller's onReset) once reset.
export function ResetToStarter({ isStarter, onReset }: { isStarter: boolean; onReset: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const [reset, setReset] = useState(false);

  function ask() {
    setReset(false);
    setConfirming(true);
    requestAnimationFrame(() => document.getElementById('reset-keep')?.focus());
  }
  function keep() {
    setConfirming(false);
    requestAnimationFrame(() => document.getElementById('reset-starter')?.focus());
  }
  function confirm() {
    setConfirming(false);
    setReset(true);
    onReset();
  }

  return (
    <div className="min-w-0">
      <p role="status" className="sr-only">{reset ? 'The starter code is back in the editor.' : ''}</p>
      {confirming ? (
        <div role="group" aria-labelledby="reset-question" className="space-y-2 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-500/40 dark:bg-amber-500/10" data-testid="reset-confirm">
          <p id="reset-question">Replace your code with the starter code? What is in the editor now will be lost; your submitted attempts stay in your history.</p>
          <div className="flex flex-wrap gap-2">
            <Button type="button" onClick={confirm}>Yes, reset</Button>
            <Button type="button" variant="secondary" id="reset-keep" onClick={keep}>Keep my code</Button>
          </div>
        </div>
      ) : !isStarter ? (
        <Button type="button" variant="secondary" id="reset-starter" onClick={ask}>
          Reset to starter code…
        </Button>
      ) : null}
    </div>
  );
}
