'use client';

import { useCallback, useEffect, useState } from 'react';

// A button that disables itself while its action runs (Save, Validate, Publish, Make admin…) drops
// focus to <body>, and one that goes away once the action is done (Publish on the live version)
// does too: a keyboard or screen-reader user is sent back to the top of a long page. Call
// `focusBack(id)` when the action ends: once React has rendered, the element with that id (the
// button, enabled again, or a message with tabIndex -1) takes focus — unless focus is already
// somewhere else (the admin moved on, or a failed save put it on the field at fault).
export function useFocusBack() {
  const [request, setRequest] = useState<{ id: string } | null>(null);
  useEffect(() => {
    if (!request) return;
    const active = document.activeElement;
    if (active && active !== document.body) return;
    document.getElementById(request.id)?.focus();
  }, [request]);
  return useCallback((id: string) => setRequest({ id }), []);
}
