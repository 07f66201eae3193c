import { useCallback, useEffect, useRef, useState } from 'react';

// The first control marked invalid, in page order, or a group's own message (a list that needs
// an item); when no field is at fault, the form's error alert.
const FIELD_ERROR = '[aria-invalid="true"], [data-error-target]';
const FORM_ERROR = '[role="alert"]';

// After a submit fails, focus would stay on the submit button and a keyboard or screen-reader
// user would not hear what went wrong. Call `focusFirstError()` with the state update that shows
// the errors: once React has rendered them, focus moves to the first invalid field (whose
// aria-describedby reads its message) or to the form's alert.
export function useFocusFirstError<T extends HTMLElement = HTMLFormElement>() {
  const ref = useRef<T>(null);
  const [failures, setFailures] = useState(0);
  useEffect(() => {
    if (failures === 0 || !ref.current) return;
    const target = ref.current.querySelector<HTMLElement>(FIELD_ERROR) ?? ref.current.querySelector<HTMLElement>(FORM_ERROR);
    target?.focus();
  }, [failures]);
  const focusFirstError = useCallback(() => setFailures((n) => n + 1), []);
  return { ref, focusFirstError };
}
