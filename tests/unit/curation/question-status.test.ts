// The question page's badge, status line and versions table read one state: a hidden question's
// versions keep their publishedAt, but candidates practise none of them.
import { describe, expect, it } from 'vitest';
import { questionStatus, versionState } from '@/components/admin/question-status';

const at = new Date('2026-01-01T00:00:00Z');

describe('question status', () => {
  it('a published question: candidates practise its newest published version', () => {
    const status = questionStatus({ published: true, lastPublishedVersion: 2 });
    expect(status).toMatchObject({ badge: { text: 'Published' }, line: 'Candidates practise version 2.', practisedVersion: 2 });
    expect(versionState(status, { version: 2, publishedAt: at }).text).toBe('Practised now');
    expect(versionState(status, { version: 1, publishedAt: at }).text).toBe('Earlier');
    expect(versionState(status, { version: 3, publishedAt: null }).text).toBe('Draft');
  });

  it('an unpublished question: no badge, line or row says candidates practise it', () => {
    const status = questionStatus({ published: false, lastPublishedVersion: 2 });
    expect(status).toMatchObject({ badge: { text: 'Unpublished' }, practisedVersion: null });
    expect(status.line).not.toMatch(/practise version/);
    expect(status.line).toBe('Hidden from candidates; version 2 was the last one they practised.');
    expect(versionState(status, { version: 2, publishedAt: at }).text).toBe('Last published, hidden');
    expect(versionState(status, { version: 1, publishedAt: at }).text).toBe('Earlier');
  });

  it('a question never published is a draft', () => {
    expect(questionStatus({ published: false, lastPublishedVersion: null })).toMatchObject({ badge: { text: 'Draft' }, line: 'No published version yet.', practisedVersion: null });
  });
});
