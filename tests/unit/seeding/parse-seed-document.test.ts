import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSeedDocument, SeedDocumentError } from '@/server/seeding/parse-seed-document';

const SEED_FILE = '000_9f9baed13b1c1c11.txt';
const seedText = readFileSync(path.join(process.cwd(), 'seeds', SEED_FILE), 'utf8');

function parseError(text: string): SeedDocumentError {
  try {
    parseSeedDocument(text, 'bad.txt');
  } catch (error) {
    if (error instanceof SeedDocumentError) return error;
    throw error;
  }
  throw new Error('expected the document to be rejected');
}

describe('parseSeedDocument on the real seed page', () => {
  const doc = parseSeedDocument(seedText, SEED_FILE);

  it('reads the topic title without the "Questions" suffix and the description', () => {
    expect(doc.topic).toMatchObject({
      slug: 'production-deployments-and-operations',
      name: 'Production Deployments and Operations',
    });
    expect(doc.topic.description).toMatch(/^Covers the end to end practices/);
    expect(doc.topic.description).toMatch(/operational choices and their impact\.$/);
  });

  it('finds the five questions with difficulty, type and practice count in page order', () => {
    expect(doc.questions.map((q) => [q.difficulty, q.type, q.practiced])).toEqual([
      ['Easy', 'Technical', 39],
      ['Easy', 'Technical', 41],
      ['Medium', 'Technical', 40],
      ['Easy', 'Technical', 51],
      ['Easy', 'Technical', 39],
    ]);
  });

  it('derives stable slugs and the answer kind from the prompt', () => {
    expect(doc.questions.map((q) => [q.slug, q.answerKind])).toEqual([
      ['explain-canary-releases-contrast-blue-green', 'WRITTEN'],
      ['write-bash-script-pulls-specified-docker', 'BASH'],
      ['write-python-function-compare-manifests-old', 'PYTHON'],
      ['describe-feature-flags-feature-toggles-decouple', 'WRITTEN'],
      ['software-engineer-explain-difference-continuous-integration', 'WRITTEN'],
    ]);
  });

  it('ignores the page chrome: logo and the sign-in panel', () => {
    const all = JSON.stringify(doc);
    expect(all).not.toMatch(/Logo|Unlock Full Question Bank|Sign in to Continue|Join thousands/);
    expect(doc.questions[4]!.prompt).toMatch(/balance speed and safety\?$/);
  });

  it('keeps each prompt whole', () => {
    expect(doc.questions[0]!.prompt).toBe(
      'Explain canary releases and contrast them with blue‑green deployment. Describe the operational steps to run a canary for 5% of traffic: how to route traffic, collect and compare metrics, decide success/failure, and handle rollback. Mention limitations when dealing with low traffic services or non‑deterministic bugs.',
    );
  });
});

describe('parseSeedDocument rejects malformed documents with file, line and what was expected', () => {
  const lines = seedText.split('\n');
  const replaceLine = (n: number, text: string) => lines.map((l, i) => (i === n - 1 ? text : l)).join('\n');
  const headerLine = lines.findIndex((l) => l === 'EasyTechnical') + 1;

  it('an empty document', () => {
    const error = parseError('   \n\n');
    expect(error.message).toBe('bad.txt:1: expected a topic title, found an empty document');
  });

  it('a missing practice count', () => {
    const error = parseError(replaceLine(headerLine + 1, 'thirty-nine practiced'));
    expect(error.file).toBe('bad.txt');
    expect(error.line).toBe(headerLine + 1);
    expect(error.expected).toMatch(/expected "N practiced" after "EasyTechnical"/);
  });

  it('a practice count past the bound a bundle has (1,000,000,000), which search adds to in int4', () => {
    const error = parseError(replaceLine(headerLine + 1, '1,000,000,001 practiced'));
    expect(error.line).toBe(headerLine + 1);
    expect(error.expected).toBe('expected at most 1,000,000,000 practiced, found "1,000,000,001 practiced"');
    expect(parseError(replaceLine(headerLine + 1, `${'9'.repeat(400)} practiced`)).line).toBe(headerLine + 1);
    const atBound = parseSeedDocument(replaceLine(headerLine + 1, '1,000,000,000 practiced'), 'ok.txt');
    expect(atBound.questions.find((q) => q.line === headerLine)?.practiced).toBe(1_000_000_000);
  });

  it('an unknown difficulty', () => {
    const error = parseError(replaceLine(headerLine, 'ExtremeTechnical'));
    expect(error.line).toBe(headerLine);
    expect(error.expected).toMatch(/difficulty \(Easy, Medium, Hard\).*found "ExtremeTechnical"/);
  });

  it('a question with no text', () => {
    const text = 'Topic Questions\n\nA description.\n\nEasyTechnical\n3 practiced\n\nMediumTechnical\n4 practiced\nSome text';
    const error = parseError(text);
    expect(error.line).toBe(7);
    expect(error.expected).toMatch(/question text/);
  });

  it('a document without questions', () => {
    expect(parseError('Topic Questions\n\nJust a description.').expected).toMatch(/at least one question/);
  });

  it('a document without a description', () => {
    expect(parseError('Topic Questions\n\nEasyTechnical\n3 practiced\nText').expected).toMatch(/description/);
  });

  it('a repeated question', () => {
    const text = 'Topic Questions\n\nDesc.\n\nEasyTechnical\n3 practiced\nSame question\nEasyTechnical\n4 practiced\nSame question';
    expect(parseError(text)).toMatchObject({ line: 8, expected: expect.stringMatching(/repeats the one at line 5/) });
  });
});
