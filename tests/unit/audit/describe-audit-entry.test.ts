import { describe, expect, it } from 'vitest';
import type { AuditNames } from '@/server/audit/audit-labels';
import { describeAuditEntry } from '@/server/audit/describe-audit-entry';

const QUESTION_ID = '0a1b2c3d-0000-4000-8000-000000000000';
const entry = (action: string, details: unknown, actor: { email: string } | null = { email: 'admin@example.com' }, names?: AuditNames) =>
  describeAuditEntry({ action, entity: 'question', entityId: QUESTION_ID, details, actor }, names);

describe('describeAuditEntry', () => {
  it('says an edit as a sentence with a field-by-field diff', () => {
    expect(entry('question.update', { slug: 'canary', changed: ['prompt', 'tags'], changes: { prompt: { from: 'Old?', to: 'New?' }, tags: { from: [], to: ['a', 'b'] } } })).toEqual({
      sentence: 'admin@example.com edited the question “canary”.',
      diff: [
        { field: 'Question', from: 'Old?', to: 'New?' },
        { field: 'Tags', from: '(none)', to: 'a, b' },
      ],
      notes: [],
    });
  });

  it('names who did what to an account, and the command line when nobody signed in', () => {
    expect(entry('user.promote', { email: 'ada@example.com', role: { from: 'CANDIDATE', to: 'ADMIN' } })).toEqual({
      sentence: 'admin@example.com made ada@example.com an admin.',
      diff: [{ field: 'Role', from: 'Candidate', to: 'Admin' }],
      notes: [],
    });
    expect(entry('bundle.import', { topic: 'ops', topicCreated: false, questionsCreated: 1, questionsUpdated: 0, questionsUnchanged: 2, questionsRefused: 1, refused: ['x'], copied: [] }, null)).toEqual({
      sentence: 'The command line imported a bundle into the topic “ops”: 1 created, 0 updated, 2 unchanged, 1 refused.',
      diff: [],
      notes: ['Refused: x'],
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

  it('names topics and questions by the page\'s lookup: the id first, the stored slug next, the slug itself last', () => {
    const TOPIC_ID = '1b2c3d4e-0000-4000-8000-000000000000';
    const OLD_TOPIC_ID = '2c3d4e5f-0000-4000-8000-000000000000';
    const names: AuditNames = {
      topics: { [TOPIC_ID]: 'Incidents', incidents: 'Incidents', [OLD_TOPIC_ID]: 'Deployments' },
      questions: { [QUESTION_ID]: 'How do you hand over an incident?', 'old-slug': 'Named by slug' },
    };
    expect(entry('question.create', { slug: 'hand-over', topicId: TOPIC_ID }, undefined, names)).toEqual({
      sentence: 'admin@example.com created the question “How do you hand over an incident?” in the topic “Incidents”.',
      diff: [],
      notes: [],
    });
    // A version's entry is about the version, so its question is found by the slug it stored.
    const validated = describeAuditEntry({ action: 'question.validate', entity: 'question-version', entityId: 'ffffffff-0000-4000-8000-000000000000', details: { slug: 'old-slug', version: 2, passed: true }, actor: null }, names);
    expect(validated.sentence).toBe('The command line validated version 2 of “Named by slug”: it passed.');
    expect(describeAuditEntry({ action: 'topic.update', entity: 'topic', entityId: TOPIC_ID, details: { slug: 'renamed-since' }, actor: null }, names).sentence).toBe('The command line edited the topic “Incidents”.');
    expect(describeAuditEntry({ action: 'bundle.import', entity: 'topic', entityId: null, details: { topic: 'incidents', questionsCreated: 1, questionsUpdated: 0 }, actor: null }, names).sentence)
      .toBe('The command line imported a bundle into the topic “Incidents”: 1 created, 0 updated.');
    // Nothing found: the slug, as before.
    expect(describeAuditEntry({ action: 'topic.delete', entity: 'topic', entityId: null, details: { slug: 'gone', deletedQuestions: 2 }, actor: null }, names).sentence).toBe('The command line deleted the topic “gone” and its 2 questions.');
    // A moved question: the topics by name, not by id.
    expect(entry('question.update', { slug: 'hand-over', changes: { topicId: { from: OLD_TOPIC_ID, to: TOPIC_ID } } }, undefined, names).diff).toEqual([{ field: 'Topic', from: 'Deployments', to: 'Incidents' }]);
  });

  it('labels stored keys and codes for a person, and never shows JSON', () => {
    expect(entry('question.update', { slug: 'q', changes: { answerKind: { from: 'WRITTEN', to: 'BASH' }, type: { from: 'TECHNICAL', to: 'SYSTEM_DESIGN' }, difficulty: { from: 'EASY', to: 'HARD' } } }).diff).toEqual([
      { field: 'Answer kind', from: 'Written answer', to: 'Bash script' },
      { field: 'Type', from: 'Technical', to: 'System Design' },
      { field: 'Difficulty', from: 'Easy', to: 'Hard' },
    ]);
    expect(entry('user.disable', { email: 'ada@example.com', disabled: { from: false, to: true } }).diff).toEqual([{ field: 'Disabled', from: 'no', to: 'yes' }]);
    expect(entry('bundle.import', { topic: 'ops', questionsCreated: 1, questionsUpdated: 0, versionsCreated: 2, versionsPublished: 1, validated: 1, copied: ['a → a-copy'], refused: [] }).notes).toEqual([
      'Versions created: 2',
      'Versions published: 1',
      'Questions validated: 1',
      'Imported as copies: a → a-copy',
    ]);
    expect(entry('user.reset-link', { email: 'ada@example.com', expiresAt: '2026-12-03T05:41:00.000Z' }).notes).toEqual(['Valid until: 3 Dec 2026, 05:41 UTC']);
    // Keys nobody labelled read as words; nested objects as label: value pairs.
    expect(entry('something.new', { seededPracticeCount: 40, retriedJobCount: 3, moved: { from: 1, to: 2 }, extra: { reasonCode: 'x', ok: true } }).notes).toEqual([
      'Practice count at import: 40',
      'Retried job count: 3',
      'Extra: Reason code: x; Ok: yes',
    ]);
    expect(entry('something.new', { moved: { from: 1, to: 2 } }).diff).toEqual([{ field: 'Moved', from: '1', to: '2' }]);
  });
});
