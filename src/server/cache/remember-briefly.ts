// A per-process memo with a hard time-to-live: a value is at most `ttlMs` old when it is served
// (unlike a stale-while-revalidate cache, which serves an old value once after a quiet spell),
// and concurrent callers share one load. For practice counts, which the grading worker changes
// from another process where Next.js's revalidateTag cannot reach (docs/decisions/017).
type Entry = { at: number; value: Promise<unknown> };

const MAX_ENTRIES = 2_000;
const globalForMemo = globalThis as unknown as { rehearseBriefMemo?: Map<string, Entry> };
const entries: Map<string, Entry> = (globalForMemo.rehearseBriefMemo ??= new Map());

export function rememberBriefly<T>(key: string, ttlMs: number, load: () => Promise<T>, now: () => number = Date.now): Promise<T> {
  const at = now();
  const hit = entries.get(key);
  if (hit && at - hit.at < ttlMs) return hit.value as Promise<T>;
  if (entries.size >= MAX_ENTRIES) {
    for (const [k, e] of entries) if (at - e.at >= ttlMs) entries.delete(k);
    if (entries.size >= MAX_ENTRIES) entries.clear();
  }
  const value = load();
  entries.set(key, { at, value });
  // A failed load is not remembered: the next caller tries again.
  value.catch(() => {
    if (entries.get(key)?.value === value) entries.delete(key);
  });
  return value;
}
