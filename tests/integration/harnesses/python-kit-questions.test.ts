// Every code question built on the Python kit, in the real sandbox: the reference and each good
// variant pass every test; each known-bad variant fails, and fails the tests its "# fails:" lines
// name (the reason it exists); and the admin validation (reference passes, every bad variant
// fails) accepts the question's seeded material. The question is placed in a seed topic.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gradeCode } from '@/grading/code/grade-code';
import { KIT_HARNESSES } from '@/grading/harnesses/python-kit/kit-harnesses';
import { realGraders } from '@/server/curation/real-graders';
import { runValidation } from '@/server/curation/run-validation';
import { readCodeMaterial } from '@/server/seeding/read-code-material';

const seeds = path.join(process.cwd(), 'seeds');
const folders = readdirSync(path.join(seeds, 'content')).filter((slug) => existsSync(path.join(seeds, 'content', slug, 'harness.json')));
const folderOf = (harness: string) => folders.find((slug) => (JSON.parse(readFileSync(path.join(seeds, 'content', slug, 'harness.json'), 'utf8')) as { name: string }).name === harness);
const topicSlugs = readdirSync(path.join(seeds, 'topics')).flatMap((file) => (JSON.parse(readFileSync(path.join(seeds, 'topics', file), 'utf8')) as { questions: string[] }).questions);
const variants = (slug: string, kind: 'good' | 'bad') =>
  readdirSync(path.join(seeds, 'content', slug, kind))
    .sort()
    .map((file) => ({ file, code: readFileSync(path.join(seeds, 'content', slug, kind, file), 'utf8') }));
const namedFailures = (code: string) => [...code.matchAll(/^# fails: (.+)$/gm)].map((m) => m[1]!.trim());

const questions = KIT_HARNESSES.map((harness) => ({ harness, slug: folderOf(harness.name)! }));

describe.each(questions)('kit question $slug', ({ harness, slug }) => {
  const grade = (answer: string) => gradeCode({ kind: 'python', answer, harness: { name: harness.name, version: harness.version } });

  it('has a seed folder placed in a seed topic, with two good variants, five bad ones and a cheat', () => {
    expect(slug, harness.name).toBeDefined();
    expect(topicSlugs).toContain(slug);
    expect((JSON.parse(readFileSync(path.join(seeds, 'content', slug, 'question.json'), 'utf8')) as { answerKind: string }).answerKind).toBe('PYTHON');
    expect(variants(slug, 'good').length).toBeGreaterThanOrEqual(2);
    const bad = variants(slug, 'bad');
    expect(bad.length).toBeGreaterThanOrEqual(5);
    expect(bad.some((v) => v.code.startsWith('# CHEAT'))).toBe(true);
    for (const variant of bad) expect(namedFailures(variant.code), variant.file).not.toEqual([]);
  });

  it('passes the reference and every good variant on every visible and hidden test', async () => {
    for (const { file, code } of [{ file: 'reference.py', code: readFileSync(path.join(seeds, 'content', slug, 'reference.py'), 'utf8') }, ...variants(slug, 'good')]) {
      const result = await grade(code);
      expect(result.tests.filter((t) => t.status !== 'pass'), file).toEqual([]);
      expect(result.status, file).toBe('passed');
      expect(result.tests.some((t) => t.hidden)).toBe(true);
    }
  });

  it('fails each known-bad variant on the tests it names', async () => {
    for (const { file, code } of variants(slug, 'bad')) {
      const result = await grade(code);
      expect(result.status, file).not.toBe('passed');
      expect(result.status, file).not.toBe('infra_error');
      const failed = result.tests.filter((t) => t.status !== 'pass').map((t) => t.name);
      for (const name of namedFailures(code)) expect(failed, `${file} should fail "${name}"`).toContain(name);
    }
  });

  it('passes the admin validation of its seeded material', async () => {
    const material = await readCodeMaterial(path.join(seeds, 'content', slug), 'PYTHON');
    expect(material.harness).toMatchObject({ name: harness.name, version: harness.version });
    const outcome = await runValidation({ answerKind: 'PYTHON', material: { rubric: null, ...material } }, realGraders);
    expect(outcome.summary).toBe(`All ${outcome.checks.length} checks passed.`);
    expect(outcome.checks).toHaveLength(1 + material.validation.badVariants.length);
  });
});

// A test's explanation and category are about what it targets: a failure elsewhere in the value
// says where the value differs (visible) or the category of what differs (hidden), not a rule the
// answer already follows (a review: a percentile bug was told about query strings and parsing).
describe('kit question messages', () => {
  const latency = KIT_HARNESSES.find((h) => h.name === 'python-endpoint-latency-percentiles')!;

  it('tells an answer whose only bug is the percentile rank about percentiles, not grouping or parsing', async () => {
    const code = readFileSync(path.join(seeds, 'content', 'python-endpoint-latency-percentiles', 'bad', 'rank-from-n-minus-one.py'), 'utf8');
    const result = await gradeCode({ kind: 'python', answer: code, harness: { name: latency.name, version: latency.version } });
    const message = (name: string) => result.tests.find((t) => t.name === name)?.message ?? '';
    expect(message('one endpoint')).toContain('p99 is rank ceil(0.99*4)=4');
    expect(message('query strings do not split an endpoint')).not.toContain('?id=7 and ?id=8');
    expect(message('query strings do not split an endpoint')).toContain("they differ at ['endpoints']['GET /api/orders']['p99_ms']");
    expect(message('malformed lines are counted, blank lines skipped')).not.toContain('count them');
    expect(message('malformed lines are counted, blank lines skipped')).toContain("they differ at ['endpoints']['GET /api/cart']['p99_ms']");
    expect(message('the same path with two methods')).toBe('wrong result [percentiles]');
    expect(message('zero-millisecond requests and extra fields')).toBe('wrong result [percentiles]');
  });
});
