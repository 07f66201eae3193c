// Tags as the admin editor and bundle import store them: lowercase words joined by hyphens, each
// once, so a tag typed with spaces or capitals joins the tag the seeds wrote.
import { describe, expect, it } from 'vitest';
import { tagForms } from '@/lib/tag-forms';
import { TagsSchema } from '@/server/curation/schemas';

describe('TagsSchema', () => {
  it('stores a tag lowercase with its words joined by hyphens, each tag once', () => {
    expect(TagsSchema.parse(['  Error  Budget ', 'error-budget', 'Incident response', 'c++', 'ci-cd'])).toEqual(['error-budget', 'incident-response', 'c++', 'ci-cd']);
  });

  it('joins words split by a hyphen with spaces around it with one hyphen, as searches look for them', () => {
    expect(TagsSchema.parse(['Error - Budget', 'blue -green', 'a--b'])).toEqual(['error-budget', 'blue-green', 'a--b']);
    expect(tagForms('Error - Budget')).toEqual(['error - budget', 'error-budget', 'error budget']);
    expect(tagForms('error budget')).toEqual(['error budget', 'error-budget']);
  });

  it('refuses what cannot be a tag, saying what a tag may hold', () => {
    const refused = TagsSchema.safeParse(['ok', 'rollback!']);
    expect(refused.success).toBe(false);
    expect(refused.error!.issues[0]!.message).toBe('A tag uses letters, digits and - . + # (spaces become hyphens).');
    expect(TagsSchema.safeParse(['   ']).error!.issues[0]!.message).toBe('A tag cannot be empty.');
  });
});
