import { describe, expect, it } from 'vitest';
import { pagedTitle } from '@/lib/paged-title';

describe('pagedTitle', () => {
  it('leaves the first page (and a single page) as the plain title', () => {
    expect(pagedTitle('Search questions', 1, 3)).toBe('Search questions');
    expect(pagedTitle('Search questions', 1, 1)).toBe('Search questions');
    expect(pagedTitle('Search questions', 1, 0)).toBe('Search questions');
  });

  it('names the page and the page count past the first page', () => {
    expect(pagedTitle('Search questions', 2, 3)).toBe('Search questions — page 2 of 3');
    expect(pagedTitle('Users', 3, 3)).toBe('Users — page 3 of 3');
  });

  it('names a page past the end without claiming it is one of the pages', () => {
    expect(pagedTitle('Search questions', 99, 3)).toBe('Search questions — page 99');
    expect(pagedTitle('Search questions', 2, 0)).toBe('Search questions — page 2');
  });
});
