// The three-way rule a re-seed applies to the fields the seeds own: the seed's new value where the
// field still holds what the seeds last wrote, the current value (named as kept) where someone
// changed it, and for a row with no record, only a value that already equals the seed's is taken
// as the seeds' own.
import { describe, expect, it } from 'vitest';
import { describeKeptField, mergeSeededFields, readSeededFields } from '@/server/seeding/merge-seeded-fields';

describe('mergeSeededFields', () => {
  it("writes a seed change to a field nobody changed and records it", () => {
    const merged = mergeSeededFields({
      current: { prompt: 'Old prompt.', difficulty: 'EASY' },
      recorded: { prompt: 'Old prompt.', difficulty: 'EASY' },
      seed: { prompt: 'New prompt.', difficulty: 'EASY' },
    });
    expect(merged).toEqual({ data: { prompt: 'New prompt.' }, record: { prompt: 'New prompt.', difficulty: 'EASY' }, recordChanged: true, kept: [] });
  });

  it("keeps a field an admin changed, leaves its record as it was, and names it", () => {
    const merged = mergeSeededFields({
      current: { prompt: "An admin's prompt.", tags: ['ops'] },
      recorded: { prompt: 'Old prompt.', tags: ['ops'] },
      seed: { prompt: 'New prompt.', tags: ['ops', 'ci'] },
    });
    expect(merged).toEqual({ data: { tags: ['ops', 'ci'] }, record: { prompt: 'Old prompt.', tags: ['ops', 'ci'] }, recordChanged: true, kept: [{ field: 'prompt', reason: 'edited' }] });
  });

  it('changes nothing when the seeds and the row agree', () => {
    const row = { name: 'Topic', description: 'About it.' };
    expect(mergeSeededFields({ current: row, recorded: row, seed: row })).toEqual({ data: {}, record: row, recordChanged: false, kept: [] });
  });

  it('records an edit that matches the new seed value without naming it', () => {
    const merged = mergeSeededFields({ current: { prompt: 'Fixed.' }, recorded: { prompt: 'Typo.' }, seed: { prompt: 'Fixed.' } });
    expect(merged).toEqual({ data: {}, record: { prompt: 'Fixed.' }, recordChanged: true, kept: [] });
  });

  it('with no record (a database seeded before it existed) takes only values equal to the seed as the seeds’ own', () => {
    const merged = mergeSeededFields({
      current: { prompt: 'Whoever wrote this.', difficulty: 'HARD', position: 7 },
      recorded: readSeededFields(null),
      seed: { prompt: 'The seed prompt.', difficulty: 'HARD', position: 2 },
      adoptUnrecorded: ['position'],
    });
    expect(merged).toEqual({
      data: { position: 2 },
      record: { difficulty: 'HARD', position: 2 },
      recordChanged: true,
      kept: [{ field: 'prompt', reason: 'unrecorded' }],
    });
  });

  it('compares lists and enums by value, whatever the key order', () => {
    const merged = mergeSeededFields({ current: { tags: ['a', 'b'] }, recorded: { tags: ['a', 'b'] }, seed: { tags: ['b', 'a'] } });
    expect(merged.data).toEqual({ tags: ['b', 'a'] });
  });
});

describe('describeKeptField', () => {
  it('names the entity, its slug and the field', () => {
    expect(describeKeptField({ entity: 'question', slug: 'explain-canary-releases', field: 'prompt', reason: 'edited' })).toBe(
      'kept question explain-canary-releases prompt: changed here since the seeds wrote it',
    );
    expect(describeKeptField({ entity: 'topic', slug: 'ci-cd', field: 'name', reason: 'unrecorded' })).toMatch(/^kept topic ci-cd name: differs from seeds\//);
  });
});
