import { describe, expect, it } from 'vitest';
import { devAnswerBand } from '@/server/seeding/assemble-topic-bundle';

describe('devAnswerBand', () => {
  it('keeps a passed answer from sinking far below the interviewer or the pass line', () => {
    expect(devAnswerBand({ expertScore: 90, style: 'strong prose' }, 70)).toEqual({ min: 55, max: 100 });
    expect(devAnswerBand({ expertScore: 72, style: 'terse bullets' }, 70)).toEqual({ min: 47, max: 100 });
  });

  it('lets a borderline failed answer take either verdict, but not a clear fail', () => {
    expect(devAnswerBand({ expertScore: 66, style: 'terse bullets' }, 70)).toEqual({ min: 0, max: 100 });
    expect(devAnswerBand({ expertScore: 45, style: 'partial prose' }, 70)).toEqual({ min: 0, max: 70 });
    expect(devAnswerBand({ expertScore: 25, style: 'vague' }, 70)).toEqual({ min: 0, max: 69 });
  });

  it('holds keyword lists under 30 and confidently wrong answers under 35', () => {
    expect(devAnswerBand({ expertScore: 12, style: 'keyword list' }, 70)).toEqual({ min: 0, max: 29 });
    expect(devAnswerBand({ expertScore: 15, style: 'confidently wrong' }, 70)).toEqual({ min: 0, max: 34 });
  });
});
