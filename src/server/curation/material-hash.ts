// A fingerprint of a version's material. A validation outcome stores the hash of what it checked,
// so publishing can tell that the material has not changed since it passed.
import { createHash } from 'node:crypto';
import type { Material } from './schemas';

// JSON with object keys sorted, so the same material always hashes the same (jsonb reorders keys).
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export function materialHash(material: Material): string {
  return createHash('sha256').update(stableJson(material)).digest('hex');
}
