// An answer that reads the question back (find-prompt-echoes.ts): its restating sentences earn
// nothing and the advice says so, while sentences that use the question's words to say something
// of their own are read as before. Against the real canary rubric and its real prompt.
import { describe, expect, it } from 'vitest';
import { findPromptEchoes } from '@/grading/written/find-prompt-echoes';
import { gradeWritten } from '@/grading/written/grade-written';
import { readAnswer } from '@/grading/written/read-answer';
import { readSeedPrompts } from '@/server/seeding/read-seed-prompts';
import { buildGradeRequest } from '@/worker/build-grade-request';
import { GradeRequestSchema } from '@/grading/grade-answer';
import { claimsOf, rubricOf } from './seed-rubrics';

const SLUG = 'explain-canary-releases-contrast-blue-green';
const CANARY = rubricOf(SLUG);
const PROMPT = (await readSeedPrompts()).get(SLUG)!;
const RESTATED =
  'Canary releases are to be explained and contrasted with blue-green deployment. The operational steps to run a canary for 5% of traffic are how to route traffic, collect and compare metrics, decide success or failure, and handle rollback. There are limitations when dealing with low traffic services or non-deterministic bugs.';
const OWN_WORDS =
  'A canary release sends a small percentage of real production traffic to the new version while everything else stays on the current one, which limits the blast radius. Blue-green keeps two full environments and the load balancer switches all traffic at once; it gives an instant switch back but needs double capacity. To run a canary for 5% of traffic, we set a 95/5 weighted route at the load balancer, with sticky sessions so each user stays on one version.';
const restatedAdvice = (advice: string[]) => advice.find((a) => /restates the question/.test(a));

describe('an answer that reads the question back', () => {
  it('earns nothing for it and is told so, not that it is a list of terms', () => {
    for (const answer of [PROMPT, RESTATED]) {
      const result = gradeWritten({ answer, rubric: CANARY, prompt: PROMPT });
      expect(result.score, answer).toBe(0);
      expect(result.status).toBe('failed');
      expect(result.tests.every((t) => t.coverage === 'missing')).toBe(true);
      expect(restatedAdvice(result.advice)).toMatch(/^Your answer restates the question; an interviewer gives no credit/);
      expect(result.advice.some((a) => a.includes('list of terms'))).toBe(false);
    }
    // Without the question the grader cannot tell, and credits the question's own words.
    expect(gradeWritten({ answer: PROMPT, rubric: CANARY }).score).toBeGreaterThan(0);
  });

  it('adds nothing and takes nothing from an answer that opens with the question', () => {
    const alone = gradeWritten({ answer: OWN_WORDS, rubric: CANARY, prompt: PROMPT });
    const opened = gradeWritten({ answer: `${PROMPT}\n\n${OWN_WORDS}`, rubric: CANARY, prompt: PROMPT });
    expect(opened.score).toBe(alone.score);
    expect(opened.tests.map((t) => t.coverage)).toEqual(alone.tests.map((t) => t.coverage));
    expect(restatedAdvice(opened.advice)).toMatch(/^Part of your answer restates the question/);
    expect(restatedAdvice(alone.advice)).toBeUndefined();
  });

  it('reads a sentence that uses the question’s words to say something of its own', () => {
    expect(findPromptEchoes(readAnswer(OWN_WORDS), PROMPT).size).toBe(0);
    const { claim } = claimsOf(OWN_WORDS, CANARY);
    const withPrompt = gradeWritten({ answer: OWN_WORDS, rubric: CANARY, prompt: PROMPT });
    const claims = new Map(withPrompt.tests.flatMap((t) => (t.claims ?? []).map((c) => [c.id, c.status] as const)));
    for (const id of ['small-share', 'two-environments', 'weighted-routing']) {
      expect(claims.get(id), id).toBe('met');
      expect(claim(id).status, id).toBe('met');
    }
    // A code block, or text addressed to the grader, earns nothing anyway: never reported as an echo.
    const fenced = readAnswer(`${OWN_WORDS}\n\n\`\`\`\n${PROMPT}\n\`\`\`\n`);
    expect(fenced.some((u) => u.kind === 'code')).toBe(true);
    expect(findPromptEchoes(fenced, PROMPT).size).toBe(0);
    // Too short to tell from an answer ("Handle rollback."), so never taken for an echo.
    expect(findPromptEchoes(readAnswer('Handle rollback.'), PROMPT).size).toBe(0);
    expect(findPromptEchoes(readAnswer(PROMPT), undefined).size).toBe(0);
  });

  it('takes a sentence made only of the question’s words for an echo, however it is ordered', () => {
    // It says nothing the question did not: an interviewer hears the checklist read back.
    const units = readAnswer('Route 5% of traffic to the canary and compare metrics.');
    expect(findPromptEchoes(units, PROMPT).size).toBe(1);
  });

  it('goes into the written grade request', () => {
    const built = buildGradeRequest({ answerKind: 'WRITTEN', answer: PROMPT, material: { version: 1, rubric: CANARY, harness: null }, prompt: PROMPT });
    expect(built).toEqual({ request: { kind: 'written', answer: PROMPT, rubric: CANARY, prompt: PROMPT } });
    expect(GradeRequestSchema.safeParse('request' in built ? built.request : null).success).toBe(true);
  });
});
