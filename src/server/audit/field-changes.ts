// The fields that differ between two versions of a row, each as { from, to }, for the audit log's
// field-by-field diff. Long text is cut, so an entry stays small.
const MAX_TEXT = 200;

const small = (value: unknown): unknown =>
  typeof value === 'string' && value.length > MAX_TEXT ? `${value.slice(0, MAX_TEXT)}…` : value;

export function fieldChanges<T extends object>(before: T, after: Partial<T>): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of Object.keys(after) as (keyof T & string)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) changes[key] = { from: small(before[key]), to: small(after[key]) };
  }
  return changes;
}
