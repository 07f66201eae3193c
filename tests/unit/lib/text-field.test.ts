// Text fields refuse NUL, other control characters and broken UTF-16, saying what and where, and
// keep the tabs and line breaks that answers and code need.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldErrors } from '@/lib/field-errors';
import { cleanText, findDisallowedCharacter, findDisallowedInJson } from '@/lib/text-field';
import { CreateAttemptSchema } from '@/server/attempts/schemas';
import { QuestionInputSchema, SaveMaterialSchema, TopicInputSchema } from '@/server/curation/schemas';
import { RegisterSchema } from '@/server/users/schemas';

const QUESTION_ID = '00000000-0000-4000-8000-000000000000';

describe('findDisallowedCharacter', () => {
  it('allows tabs, line breaks, form feeds and any printable Unicode', () => {
    expect(findDisallowedCharacter('if x:\n\treturn 1\r\n\f# déjà vu 日本 🙂')).toBeNull();
  });

  it('names NUL, other controls, DEL and unpaired surrogates with their line and column', () => {
    expect(findDisallowedCharacter('ab\u0000c')).toBe('a NUL character (U+0000) on line 1, column 3');
    expect(findDisallowedCharacter('one\ntwo\u0007')).toBe('a control character (U+0007) on line 2, column 4');
    expect(findDisallowedCharacter('\u007f')).toBe('a DEL character (U+007F) on line 1, column 1');
    expect(findDisallowedCharacter('x\ud800y')).toBe('a broken character (unpaired U+D800) on line 1, column 2');
    expect(findDisallowedCharacter('\udc00')).toMatch(/unpaired U\+DC00/);
  });
});

describe('cleanText in the domain schemas', () => {
  it('tells a candidate what to remove from an answer', () => {
    const result = CreateAttemptSchema.safeParse({ questionId: QUESTION_ID, answer: 'line one\nline\u0000two' });
    expect(result.success).toBe(false);
    expect(fieldErrors(result.error!)).toEqual({
      answer: 'Your answer contains a NUL character (U+0000) on line 2, column 5; remove it and try again.',
    });
  });

  it('keeps code with tabs and line breaks as typed', () => {
    const answer = '#!/bin/bash\n\tset -euo pipefail\r\n';
    expect(CreateAttemptSchema.parse({ questionId: QUESTION_ID, answer }).answer).toBe(answer);
  });

  it('refuses control characters in registration names and emails, naming the field', () => {
    const name = RegisterSchema.safeParse({ email: 'a@example.com', password: 'long-enough', name: 'Lin\u0000' });
    expect(fieldErrors(name.error!)).toEqual({ name: expect.stringMatching(/^Your name contains a NUL character/) });
    const email = RegisterSchema.safeParse({ email: 'a\u0001@example.com', password: 'long-enough' });
    expect(fieldErrors(email.error!).email).toMatch(/^Your email address contains a control character \(U\+0001\)/);
  });

  it('takes a passphrase with spaces but not a password of spaces only', () => {
    expect(RegisterSchema.safeParse({ email: 'a@example.com', password: 'correct horse battery' }).success).toBe(true);
    const spaces = RegisterSchema.safeParse({ email: 'a@example.com', password: ' '.repeat(12) });
    expect(fieldErrors(spaces.error!)).toEqual({ password: 'A password needs more than spaces.' });
  });

  it('refuses them in curation text, including deep inside a rubric', () => {
    const topic = TopicInputSchema.safeParse({ slug: 'ops', name: 'Ops', description: 'bad\u0000', published: true });
    expect(fieldErrors(topic.error!)).toEqual({ description: expect.stringMatching(/^The description contains a NUL/) });
    const question = QuestionInputSchema.safeParse({
      topicId: QUESTION_ID, prompt: 'A long enough prompt\u0000', difficulty: 'EASY', type: 'TECHNICAL', answerKind: 'WRITTEN', tags: [],
    });
    expect(fieldErrors(question.error!)).toEqual({ prompt: expect.stringMatching(/^The question contains a NUL/) });
    const material = SaveMaterialSchema.safeParse({
      questionId: QUESTION_ID,
      material: { rubric: null, harness: null, modelAnswer: 'model\u0000', starterCode: null, validation: null },
    });
    expect(fieldErrors(material.error!)['material.modelAnswer']).toMatch(/^The model answer contains a NUL/);
  });

  it('works on any string schema', () => {
    expect(cleanText(z.string(), 'The note').safeParse('\u001b[31m').error?.issues[0]?.message).toBe(
      'The note contains a control character (U+001B) on line 1, column 1; remove it and try again.',
    );
  });
});

describe('findDisallowedInJson', () => {
  it('finds the first bad string or key and its path', () => {
    expect(findDisallowedInJson({ a: [1, 'ok', { b: 'x\u0000' }] })).toEqual({ path: ['a', 2, 'b'], found: expect.stringMatching(/^a NUL/) });
    expect(findDisallowedInJson({ 'k\u0000': 1 })).toEqual({ path: ['k\u0000'], found: expect.stringMatching(/in its name$/) });
    expect(findDisallowedInJson({ a: ['fine', null, true, 3] })).toBeNull();
  });

  it('walks very deep nesting without exhausting the stack', () => {
    const depth = 100_000;
    const deep = JSON.parse(`${'['.repeat(depth)}"\u0000"${']'.repeat(depth)}`.replace('\u0000', '\\u0000'));
    expect(findDisallowedInJson(deep)?.path).toHaveLength(depth);
  });
});
