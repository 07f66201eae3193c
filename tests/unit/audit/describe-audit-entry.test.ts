import { describe, expect, it } from 'vitest';
import { describeAuditEntry } from '@/server/audit/describe-audit-entry';

const entry = (action: string, details: unknown, actor: { email: string } | null = { email: 'admin@example.com' }) =>
  describeAuditEntry({ action, entity: 'question', entityId: '0a1b2c3d-0000-4000-8000-000000000000', details, actor });

describe('describeAuditEntry', () => {
  it('says an edit as a sentence with a field-by-field diff', () => {
    expect(entry('question.update', { slug: 'canary', changed: ['prompt', 'tags'], changes: { prompt: { from: 'Old?', to: 'New?' }, tags: { from: [], to: ['a', 'b'] } } })).toEqual({
      sentence: 'admin@example.com edited the question “canary”.',
      diff: [
        { field: 'prompt', from: 'Old?', to: 'New?' },
        { field: 'tags', from: '(none)', to: 'a, b' },
      ],
      notes: [],
    });
  });

  it('names who did what to an account, and the command line when nobody signed in', () => {
    expect(entry('user.promote', { email: 'ada@example.com', role: { from: 'CANDIDATE', to: 'ADMIN' } })).toEqual({
      sentence: 'admin@example.com made ada@example.com an admin.',
      diff: [{ field: 'role', from: 'CANDIDATE', to: 'ADMIN' }],
      notes: [],
    });
    expect(entry('bundle.import', { topic: 'ops', topicCreated: false, questionsCreated: 1, questionsUpdated: 0, questionsUnchanged: 2, questionsRefused: 1, refused: ['x'], copied: [] }, null)).toEqual({
      sentence: 'The command line imported a bundle into the topic “ops”: 1 created, 0 updated, 2 unchanged, 1 refused.',
      diff: [],
      notes: ['refused: x'],
    });
  });

  it('says how many attempts a re-grade queued, under which version', () => {
    expect(entry('question.regrade', { slug: 'canary', version: 2, attempts: 3 })).toEqual({
      sentence: 'admin@example.com queued 3 past attempts of “canary” for re-grading under version 2.',
      diff: [],
      notes: [],
    });
    expect(entry('question.regrade', { slug: 'canary', version: 2, attempts: 1 }).sentence).toBe('admin@example.com queued 1 past attempt of “canary” for re-grading under version 2.');
  });

  it('reads an unknown action or odd details without throwing', () => {
    expect(entry('something.new', 'not an object').sentence).toBe('admin@example.com did “something.new” to question 0a1b2c3d.');
    expect(entry('question.publish', null).sentence).toBe('admin@example.com published version — of “—”.');
  });
});
