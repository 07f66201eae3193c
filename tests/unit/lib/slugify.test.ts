// Slugs are URLs people read: letters with accents keep their letter, everything else that is
// not a letter or digit separates words.
import { describe, expect, it } from 'vitest';
import { questionSlug, slugify } from '@/lib/slugify';

describe('slugify', () => {
  it('keeps an accented letter as its base letter instead of splitting the word', () => {
    expect(slugify('Réseaux et Déploiements')).toBe('reseaux-et-deploiements');
    expect(questionSlug('Explique le déploiement canari à un collègue')).toBe('explique-le-deploiement-canari-un-collegue');
  });

  it('separates words at anything that is not a letter or digit', () => {
    expect(slugify('  Production Deployments & Operations!  ')).toBe('production-deployments-operations');
    expect(questionSlug('What is the difference between a canary and blue-green?')).toBe('difference-canary-blue-green');
  });
});
