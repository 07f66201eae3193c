import { listInWords } from './unsaved-parts';

// Above a form's Save button: which of its parts differ from what is saved.
export function UnsavedNote({ id, parts }: { id: string; parts: string[] }) {
  if (parts.length === 0) return null;
  return (
    <p id={id} data-testid={id} className="text-sm text-amber-800 dark:text-amber-300">
      Unsaved changes: {listInWords(parts)}.
    </p>
  );
}
