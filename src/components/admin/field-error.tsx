// The message under a form control, linked to it through aria-describedby. A message of several
// lines is several problems (a spec's, each naming its field): shown as a list, one per line.
export function FieldError({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  const lines = message.split('\n').filter((line) => line.trim() !== '');
  if (lines.length > 1) {
    return (
      <ul id={`${id}-error`} className="list-disc space-y-1 pl-5 text-sm text-rose-700 dark:text-rose-400">
        {lines.map((line, i) => <li key={i}>{line}</li>)}
      </ul>
    );
  }
  return (
    <p id={`${id}-error`} className="text-sm text-rose-700 dark:text-rose-400">
      {message}
    </p>
  );
}

export const describedBy = (id: string, message?: string) => (message ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-error` } : {});

// A message about a list as a whole ("Add at least one concept."): no control to mark invalid,
// so the message itself takes focus after a failed save (useFocusFirstError looks for
// data-error-target), and the list's fieldset names it in aria-describedby.
export function GroupError({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <p id={`${id}-error`} tabIndex={-1} data-error-target className="text-sm text-rose-700 dark:text-rose-400">
      {message}
    </p>
  );
}

export const groupDescribedBy = (id: string, message?: string) => (message ? { 'aria-describedby': `${id}-error` } : {});
