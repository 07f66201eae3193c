import { useCallback, useEffect, useState } from 'react';

// Focus that must move to something a state update is about to render: content a button revealed
// as it unmounted, an error that came back while the button was disabled. Left alone, focus falls
// back to <body> and a keyboard or screen-reader user loses their place. Call
// `focusAfterRender(id)` with the update; once React has rendered it, the element with that id
// (tabIndex -1 when it is not a control) takes focus.
export function useFocusAfterRender() {
  const [request, setRequest] = useState<{ id: string } | null>(null);
  useEffect(() => {
    if (request) document.getElementById(request.id)?.focus();
  }, [request]);
  return useCallback((id: string) => setRequest({ id }), []);
}
