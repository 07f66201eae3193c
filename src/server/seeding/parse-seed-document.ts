// Parses an InterviewStack-style question page: a topic title, its description, then for each
// question a "<Difficulty><Type>" line, an "N practiced" line and the question text. Page chrome
// (logos, the sign-in call to action) is ignored. Pure: no I/O, so it is unit-tested directly.
import { z } from 'zod';
import { questionSlug, slugify } from '@/lib/slugify';
import { MAX_SEEDED_PRACTICE_COUNT } from '@/server/questions/schemas';

export const DIFFICULTIES = ['Easy', 'Medium', 'Hard'] as const;
export const QUESTION_TYPES = ['Technical', 'System Design', 'Behavioral'] as const;

export const ParsedQuestionSchema = z.object({
  slug: z.string().min(1),
  prompt: z.string().min(1),
  difficulty: z.enum(DIFFICULTIES),
  type: z.enum(QUESTION_TYPES),
  answerKind: z.enum(['WRITTEN', 'BASH', 'PYTHON', 'CONFIG']),
  practiced: z.number().int().min(0).max(MAX_SEEDED_PRACTICE_COUNT),
  line: z.number().int().min(1),
});
export type ParsedQuestion = z.infer<typeof ParsedQuestionSchema>;

export type ParsedSeedDocument = {
  topic: { slug: string; name: string; description: string };
  questions: ParsedQuestion[];
};

export class SeedDocumentError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly expected: string,
  ) {
    super(`${file}:${line}: ${expected}`);
    this.name = 'SeedDocumentError';
  }
}

const HEADER = new RegExp(`^(${DIFFICULTIES.join('|')})\\s*(${QUESTION_TYPES.join('|')})$`);
const PRACTICED = /^(\d[\d,]*)\s+practiced$/i;
// Chrome that may appear anywhere; the sign-in panel ends the list of questions.
const CHROME = [/logo/i];
const END_OF_QUESTIONS = /^unlock full question bank$/i;
const TITLE_SUFFIX = /\s+(interview\s+)?questions$/i;
// A line that looks like a header but names an unknown difficulty or type.
const HEADER_LIKE = /^[A-Z][a-z]+\s*[A-Z][A-Za-z ]+$/;

function headerExpectation(found: string): string {
  if (HEADER_LIKE.test(found)) {
    return `expected a difficulty (${DIFFICULTIES.join(', ')}) and a type (${QUESTION_TYPES.join(', ')}), found "${found}"`;
  }
  return `expected a difficulty and type line such as "EasyTechnical", found "${found}"`;
}

function inferAnswerKind(prompt: string): ParsedQuestion['answerKind'] {
  if (/\b(bash|shell) script\b/i.test(prompt)) return 'BASH';
  if (/\bpython function\b/i.test(prompt)) return 'PYTHON';
  return 'WRITTEN';
}

export function parseSeedDocument(text: string, file: string): ParsedSeedDocument {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let i = 0;
  const fail = (expected: string, at = i): never => {
    throw new SeedDocumentError(file, at + 1, expected);
  };
  const isBlank = (s: string | undefined) => s === undefined || s.trim() === '';
  const isChrome = (s: string) => CHROME.some((re) => re.test(s));
  const skipBlankAndChrome = () => {
    while (i < lines.length && (isBlank(lines[i]) || isChrome(lines[i]!.trim()))) i++;
  };

  skipBlankAndChrome();
  if (i >= lines.length) fail('expected a topic title, found an empty document', 0);
  const titleLine = lines[i]!.trim();
  if (HEADER.test(titleLine)) fail('expected a topic title before the first question');
  const name = titleLine.replace(TITLE_SUFFIX, '').trim();
  i++;

  skipBlankAndChrome();
  const descriptionStart = i;
  const description: string[] = [];
  while (i < lines.length && !HEADER.test(lines[i]!.trim())) {
    const line = lines[i]!.trim();
    if (PRACTICED.test(line)) fail(headerExpectation(lines[i - 1]?.trim() ?? ''), i - 1);
    if (END_OF_QUESTIONS.test(line)) break;
    if (!isChrome(line)) description.push(line);
    i++;
  }
  const descriptionText = description.filter(Boolean).join('\n\n').trim();
  if (!descriptionText) fail('expected a topic description after the title', descriptionStart);

  const questions: ParsedQuestion[] = [];
  while (i < lines.length) {
    skipBlankAndChrome();
    if (i >= lines.length) break;
    const line = lines[i]!.trim();
    if (END_OF_QUESTIONS.test(line)) break;
    const header = HEADER.exec(line);
    if (!header) fail(headerExpectation(line));
    const headerLine = i;
    i++;
    const practicedMatch = PRACTICED.exec(lines[i]?.trim() ?? '');
    if (!practicedMatch) fail(`expected "N practiced" after "${line}", found "${lines[i]?.trim() ?? 'end of file'}"`);
    const practiced = Number(practicedMatch![1]!.replace(/,/g, ''));
    // Refused, as a bundle's count is (src/server/questions/schemas.ts says why the bound).
    if (practiced > MAX_SEEDED_PRACTICE_COUNT) fail(`expected at most ${MAX_SEEDED_PRACTICE_COUNT.toLocaleString('en-US')} practiced, found "${practicedMatch![0]}"`);
    i++;
    const promptLines: string[] = [];
    while (i < lines.length) {
      const next = lines[i]!.trim();
      if (HEADER.test(next) || END_OF_QUESTIONS.test(next)) break;
      if (PRACTICED.test(next)) fail(`expected question text, found "${next}"`);
      promptLines.push(next);
      i++;
    }
    const prompt = promptLines.join('\n').trim();
    if (!prompt) fail(`expected the question text after "${practicedMatch![0]}"`, headerLine + 2);
    questions.push({
      slug: questionSlug(prompt),
      prompt,
      difficulty: header![1] as ParsedQuestion['difficulty'],
      type: header![2] as ParsedQuestion['type'],
      answerKind: inferAnswerKind(prompt),
      practiced,
      line: headerLine + 1,
    });
  }

  if (questions.length === 0) fail('expected at least one question ("EasyTechnical", "N practiced", question text)');
  const seen = new Map<string, number>();
  for (const q of questions) {
    const first = seen.get(q.slug);
    if (first !== undefined) {
      throw new SeedDocumentError(file, q.line, `expected a unique question, but it repeats the one at line ${first}`);
    }
    seen.set(q.slug, q.line);
  }
  return { topic: { slug: slugify(name), name, description: descriptionText }, questions };
}
