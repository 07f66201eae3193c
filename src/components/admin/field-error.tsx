// The message under a form control, linked to it through aria-describedby.
export function FieldError({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <p id={`${id}-error`} className="text-sm text-rose-700 dark:text-rose-400">
      {message}
    </p>
  );
}

export const describedBy = (id: string, message?: string) => (message ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-error` } : {});
