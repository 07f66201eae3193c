import { useCallback, useEffect, useState } from 'react';

// Focus that must move to something a state update is about to render: content a button revealed
// as it unmounted, an error that came back while the button was disabled. Left alone, focus falls
// back to <body> and a keyboard or screen-reader user loses their place. Call
// `focusAfterRender(id)` with the update; once React has rendered it, the element with that id
// (tabIndex -1 when it is not a control) takes focus.
// `onlyIfLost`: for an action's button that disabled itself while it worked (Save, Validate,
// Publish, Make admin…) or went away when it was done: focus comes back only if it fell to <body>,
// not when it is already somewhere else (the user moved on, or a failed save put it on the field
// at fault).
export function useFocusAfterRender({ onlyIfLost = false }: { onlyIfLost?: boolean } = {}) {
  const [request, setRequest] = useState<{ id: string } | null>(null);
  useEffect(() => {
    if (!request) return;
    const active = document.activeElement;
    if (onlyIfLost && active && active !== document.body) return;
    document.getElementById(request.id)?.focus();
  }, [request, onlyIfLost]);
  return useCallback((id: string) => setRequest({ id }), []);
}
