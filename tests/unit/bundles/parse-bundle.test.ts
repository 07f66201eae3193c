// Bundle validation: every problem is reported with its path in the file, in a form a person
// can find (questions[3].rubric.concepts[0].weight), and a valid bundle parses to stable output.
import { describe, expect, it } from 'vitest';
import type { PythonKitSpec } from '@/grading/harnesses/python-kit/kit-spec';
import { builtInSpec } from '@/grading/harnesses/harness-from-spec';
import { BundleError, parseBundle } from '@/server/bundles/parse-bundle';
import { liveMaterial } from '@/server/bundles/schemas';

const concept = (id: string) => ({
  id,
  name: `Concept ${id}`,
  weight: 2,
  description: 'Why it matters.',
  phrasings: [id.replace(/-/g, ' ')],
  followUp: 'What would you ask next?',
});

const written = (slug: string) => ({
  slug,
  prompt: `Explain ${slug}.`,
  difficulty: 'EASY',
  type: 'TECHNICAL',
  answerKind: 'WRITTEN',
  tags: ['deploys'],
  published: true,
  seededPracticeCount: 3,
  rubric: { id: slug, version: 1, passScore: 60, concepts: [concept('rollback-plan')] },
  harness: null,
  modelAnswer: 'A model answer.',
  starterCode: null,
  validation: { kind: 'written', calibration: [{ label: 'weak', band: { min: 0, max: 40 }, answer: 'Nothing useful.' }] },
  draft: null,
});

const bash = (slug: string) => ({
  slug,
  prompt: 'Write a Bash script that deploys.',
  difficulty: 'MEDIUM',
  type: 'TECHNICAL',
  answerKind: 'BASH',
  tags: [],
  published: false,
  seededPracticeCount: 0,
  rubric: null,
  harness: { name: 'bash-deploy', version: 1 },
  modelAnswer: null,
  starterCode: '#!/usr/bin/env bash\n',
  validation: { kind: 'code', reference: 'echo ok', badVariants: [{ name: 'no-checks', code: 'true' }] },
  draft: null,
});

const bundle = () => ({
  format: 'rehearse-bundle',
  formatVersion: 1,
  topic: { slug: 'deployments', name: 'Deployments', description: 'Shipping software.', published: true },
  questions: [written('canary-releases'), bash('deploy-script'), written('feature-flags'), written('ci-cd-pipelines')],
});

function errorsOf(input: unknown): string[] {
  try {
    parseBundle(input);
  } catch (error) {
    if (error instanceof BundleError) return error.errors;
    throw error;
  }
  throw new Error('expected the bundle to be rejected');
}

describe('parseBundle', () => {
  it('accepts a valid bundle and keeps the schema’s key order', () => {
    const input = bundle();
    const { topic, ...rest } = input;
    // Keys in a different order, as jsonb or a hand edit might leave them.
    const parsed = parseBundle({ questions: rest.questions, topic, formatVersion: 1, format: 'rehearse-bundle' });
    expect(Object.keys(parsed)).toEqual(['format', 'formatVersion', 'topic', 'questions']);
    expect(Object.keys(parsed.questions[0]!)).toEqual([
      'slug', 'prompt', 'difficulty', 'type', 'answerKind', 'tags', 'published', 'seededPracticeCount',
      'rubric', 'harness', 'modelAnswer', 'starterCode', 'validation', 'draft',
    ]);
    expect(parsed.questions).toHaveLength(4);
  });

  it('names the path of a wrong type deep in a rubric', () => {
    const input = bundle();
    (input.questions[3]!.rubric!.concepts[0] as { weight: unknown }).weight = 'heavy';
    expect(errorsOf(input)).toEqual(['questions[3].rubric.concepts[0].weight: expected a number, found "heavy"']);
  });

  it('says what is missing and what was expected', () => {
    const input = bundle();
    delete (input.questions[0] as Partial<ReturnType<typeof written>>).prompt;
    (input.questions[2] as { difficulty: string }).difficulty = 'Easy';
    expect(errorsOf(input)).toEqual([
      'questions[0].prompt: is missing (expected a string)',
      'questions[2].difficulty: expected one of "EASY", "MEDIUM", "HARD", found "Easy"',
    ]);
  });

  it('rejects an unknown format, version and unknown fields by name', () => {
    const input = { ...bundle(), format: 'other', formatVersion: 2, extra: true };
    (input.topic as Record<string, unknown>).colour = 'blue';
    expect(errorsOf(input)).toEqual([
      'format: expected "rehearse-bundle", found "other"',
      'formatVersion: expected 1, found 2',
      'topic.colour: unknown field (check its spelling, or remove it)',
      'extra: unknown field (check its spelling, or remove it)',
    ]);
  });

  it('reports calibration bands and validation kinds with their paths', () => {
    const input = bundle();
    input.questions[0]!.validation = { kind: 'written', calibration: [{ label: 'weak', band: { min: 50, max: 40 }, answer: 'x' }] };
    (input.questions[1]!.validation as { kind: string }).kind = 'written';
    expect(errorsOf(input)).toEqual([
      'questions[0].validation.calibration[0].band.max: The lowest expected score must not exceed the highest.',
      'questions[1].validation.calibration: is missing (expected a list)',
      'questions[1].validation.reference: unknown field (check its spelling, or remove it)',
      'questions[1].validation.badVariants: unknown field (check its spelling, or remove it)',
    ]);
  });

  it('names a repeated question slug and the question it repeats', () => {
    const input = bundle();
    input.questions[2]!.slug = 'canary-releases';
    expect(errorsOf(input)).toEqual(['questions[2].slug: repeats the slug of questions[0]']);
  });

  it('refuses a rubric on a code question and a harness on a written one', () => {
    const input = bundle();
    (input.questions[1] as Record<string, unknown>).rubric = input.questions[0]!.rubric;
    (input.questions[0] as Record<string, unknown>).harness = { name: 'bash-deploy', version: 1 };
    expect(errorsOf(input)).toEqual([
      'questions[0].harness: A written question has a rubric, not a harness.',
      'questions[1].rubric: A code question has a harness, not a rubric.',
    ]);
  });

  it('carries a configuration (YAML) question like a code one: a harness and code validation', () => {
    const config = {
      ...bash('zero-downtime-deployment'),
      prompt: 'Make this Deployment roll out with zero downtime.',
      answerKind: 'CONFIG',
      harness: { name: 'config-kubernetes-zero-downtime', version: 1 },
      starterCode: 'kind: Deployment\n',
      validation: { kind: 'code', reference: 'kind: Deployment\n', badVariants: [{ name: 'no-probe', code: 'kind: Deployment\nspec: {}\n' }] },
    };
    const parsed = parseBundle({ ...bundle(), questions: [config] });
    expect(parsed.questions[0]).toMatchObject({ answerKind: 'CONFIG', harness: { name: 'config-kubernetes-zero-downtime', version: 1 }, validation: { kind: 'code' } });
    expect(errorsOf({ ...bundle(), questions: [{ ...config, harness: null, rubric: written('x').rubric }] })).toEqual(['questions[0].rubric: A code question has a harness, not a rubric.']);
  });

  it('carries a version\'s own harness spec after its harness (docs/decisions/021), and names a broken one by its path', () => {
    const shipped = builtInSpec('python-canary-verdict')!;
    const python = { ...bash('canary'), answerKind: 'PYTHON', harness: { name: 'python-canary-verdict', version: 1 }, harnessSpec: shipped };
    const parsed = parseBundle({ ...bundle(), questions: [python] });
    expect(Object.keys(parsed.questions[0]!).slice(8, 11)).toEqual(['rubric', 'harness', 'harnessSpec']);
    expect(liveMaterial(parsed.questions[0]!)?.harnessSpec).toEqual(shipped);
    // Without one the key stays out, so older bundles export byte for byte as before.
    expect(parseBundle(bundle()).questions[1]).not.toHaveProperty('harnessSpec');
    const broken = { ...python, harnessSpec: { kit: 'python-kit', spec: { ...shipped.spec, cases: [] } } };
    expect(errorsOf({ ...bundle(), questions: [broken] })[0]).toMatch(/^questions\[0\]\.harnessSpec\.spec\.cases: /);
    // The rules a saved spec meets hold for an imported one: a whole number JSON has rounded.
    const spec = shipped.spec as PythonKitSpec;
    const rounded = { ...python, harnessSpec: { kit: 'python-kit', spec: { ...spec, cases: [{ ...spec.cases[0]!, expected: 2 ** 60 }, ...spec.cases.slice(1)] } } };
    expect(errorsOf({ ...bundle(), questions: [rounded] })).toEqual(['questions[0].harnessSpec.spec.cases[0].expected: A whole number past 2^53 (9007199254740991) cannot be kept exactly: use a smaller one, or a string.']);
  });

  it('says so when the file is not a bundle at all', () => {
    expect(errorsOf([])).toEqual(['bundle: expected an object, found a list']);
  });

  it('puts the first problem and the count in the error message', () => {
    const input = bundle();
    (input.questions[3]!.rubric!.concepts[0] as { weight: unknown }).weight = 'heavy';
    input.questions[0]!.tags = ['Not ok!'];
    expect(() => parseBundle(input)).toThrow(/^The bundle was not imported \(2 problems\): questions\[0\]\.tags\[0\]/);
  });
});
