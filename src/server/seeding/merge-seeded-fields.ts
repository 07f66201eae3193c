// The three-way rule `npm run db:seed` applies to the fields the seeds own on an existing topic
// (name, description) or question (prompt, difficulty, type, position; tags for a seed topic's),
// so a re-seed brings seed changes without undoing an admin's edit (docs/decisions/003,
// "Re-seeding keeps admins' edits"). `recorded` is what the seeds last wrote (the row's
// `seededFields`). For each field:
// - the current value is the seed's: nothing to write; it is recorded as the seeds'.
// - the current value is what the seeds last wrote (nobody changed it): the seed's value is written
//   and recorded.
// - otherwise someone changed it (or, with no record, it cannot be told apart from such a change):
//   it is kept, the record is left as it was, and the field is named in `kept`.
// Pure: the seeders read the row, apply `data` and store `record`.
import { stableJson } from '@/server/curation/material-hash';

export type SeededValues = Record<string, unknown>;

export type KeptReason = 'edited' | 'unrecorded';

export type MergedFields = {
  // The fields to write (the seed's values); empty when none changes.
  data: SeededValues;
  // The new `seededFields`; `recordChanged` says whether it differs from the stored one.
  record: SeededValues;
  recordChanged: boolean;
  kept: { field: string; reason: KeptReason }[];
};

const same = (a: unknown, b: unknown) => stableJson(a) === stableJson(b);

// The stored record as an object of fields (NULL or anything else: no record).
export function readSeededFields(stored: unknown): SeededValues {
  return stored && typeof stored === 'object' && !Array.isArray(stored) ? (stored as SeededValues) : {};
}

export function mergeSeededFields({
  current,
  recorded,
  seed,
  adoptUnrecorded = [],
}: {
  current: SeededValues;
  recorded: SeededValues;
  seed: SeededValues;
  // Fields taken as the seeds' own even with no record (position: no admin can set it).
  adoptUnrecorded?: readonly string[];
}): MergedFields {
  const data: SeededValues = {};
  const record: SeededValues = { ...recorded };
  const kept: MergedFields['kept'] = [];
  for (const [field, value] of Object.entries(seed)) {
    const isRecorded = Object.hasOwn(recorded, field);
    if (same(current[field], value)) {
      record[field] = value;
    } else if (isRecorded ? same(current[field], recorded[field]) : adoptUnrecorded.includes(field)) {
      data[field] = value;
      record[field] = value;
    } else {
      kept.push({ field, reason: isRecorded ? 'edited' : 'unrecorded' });
    }
  }
  return { data, record, recordChanged: !same(record, recorded), kept };
}

// One field a re-seed left as it found it, for the seed's summary; or (`taken`, field `slug`) a seed
// topic or question left out because an admin gave its slug to the one the seeds know as `holder`.
export type KeptField = { entity: 'topic' | 'question'; slug: string; field: string; reason: KeptReason | 'taken'; holder?: string };

export function describeKeptField({ entity, slug, field, reason, holder }: KeptField): string {
  if (reason === 'taken') {
    return `left out ${entity} ${slug}: an admin gave its slug to the seeds' ${entity} ${holder}, which keeps it; give that ${entity} another slug in the admin pages and run db:seed again to add this one`;
  }
  const why =
    reason === 'edited'
      ? 'changed here since the seeds wrote it'
      : 'differs from seeds/, and nothing records that the seeds wrote it (a database seeded before the record existed)';
  return `kept ${entity} ${slug} ${field}: ${why}`;
}
