// Every code question built on the Bash world kit (docs/decisions/020), in the real sandbox: the
// reference and each good variant pass every test; each known-bad variant fails, and fails the
// tests its "# fails:" lines name (the reason it exists); and the admin validation (reference
// passes, every bad variant fails) accepts the question's seeded material. The question is placed
// in a seed topic.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gradeCode } from '@/grading/code/grade-code';
import { BASH_KIT_HARNESSES } from '@/grading/harnesses/bash-kit/bash-kit-harnesses';
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

const questions = BASH_KIT_HARNESSES.map((harness) => ({ harness, slug: folderOf(harness.name)! }));

describe.each(questions)('Bash kit question $slug', ({ harness, slug }) => {
  const grade = (answer: string) => gradeCode({ kind: 'bash', answer, harness: { name: harness.name, version: harness.version } });

  it('has a seed folder placed in a seed topic, with two good variants, five bad ones and a cheat', () => {
    expect(slug, harness.name).toBeDefined();
    expect(topicSlugs).toContain(slug);
    expect((JSON.parse(readFileSync(path.join(seeds, 'content', slug, 'question.json'), 'utf8')) as { answerKind: string }).answerKind).toBe('BASH');
    expect(variants(slug, 'good').length).toBeGreaterThanOrEqual(2);
    const bad = variants(slug, 'bad');
    expect(bad.length).toBeGreaterThanOrEqual(5);
    // After the shebang line: the cheat says so in its header.
    expect(bad.some((v) => /^# CHEAT/m.test(v.code))).toBe(true);
    for (const variant of bad) expect(namedFailures(variant.code), variant.file).not.toEqual([]);
  });

  it('passes the reference and every good variant on every check', async () => {
    for (const { file, code } of [{ file: 'reference.sh', code: readFileSync(path.join(seeds, 'content', slug, 'reference.sh'), 'utf8') }, ...variants(slug, 'good')]) {
      const result = await grade(code);
      expect(result.tests.filter((t) => t.status !== 'pass'), file).toEqual([]);
      expect(result.status, file).toBe('passed');
      // Each test shows the calls of the run it judged.
      expect(result.tests.every((t) => Array.isArray(t.calls)), file).toBe(true);
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
    const material = await readCodeMaterial(path.join(seeds, 'content', slug), 'BASH');
    expect(material.harness).toMatchObject({ name: harness.name, version: harness.version });
    const outcome = await runValidation({ answerKind: 'BASH', material: { rubric: null, ...material } }, realGraders);
    expect(outcome.summary).toBe(`All ${outcome.checks.length} checks passed.`);
    expect(outcome.checks).toHaveLength(1 + material.validation.badVariants.length);
  });
});

// A problem is named for what the script did (a review: a health check that took a 503 for
// healthy was told about waits and too few checks, never about the 503).
describe('Bash kit question messages', () => {
  it('tells a health check that accepts a 503 that it did, not that it waited wrongly or gave up', async () => {
    const harness = BASH_KIT_HARNESSES.find((h) => h.name === 'bash-deploy-health-rollback')!;
    const code = readFileSync(path.join(seeds, 'content', 'bash-deploy-health-rollback', 'bad', 'curl-without-fail.sh'), 'utf8');
    const result = await gradeCode({ kind: 'bash', answer: code, harness: { name: harness.name, version: harness.version } });
    const message = (start: string) => result.tests.find((t) => t.name.startsWith(start))?.message ?? '';
    for (const test of ['retries a slow start', 'rolls back']) {
      expect(message(test), test).toContain('answered 503');
      expect(message(test), test).not.toContain('fewer than 3 health checks');
      expect(message(test), test).not.toContain('longer each time');
    }
  });

  // Review M5: a jsonpath filter real kubectl runs was refused, and the feedback then listed four
  // faults that only followed from it.
  const canary = BASH_KIT_HARNESSES.find((h) => h.name === 'bash-kubectl-canary-promotion')!;
  const gradeCanary = (answer: string) => gradeCode({ kind: 'bash', answer, harness: { name: canary.name, version: canary.version } });
  const filterScript = readFileSync(path.join(seeds, 'content', 'bash-kubectl-canary-promotion', 'good', 'jsonpath-filter-set-back.sh'), 'utf8');

  it('passes the review\'s script that reads images with a jsonpath filter on the container name', async () => {
    expect(filterScript).toContain('jsonpath={.spec.template.spec.containers[?(@.name=="api")].image}');
    const result = await gradeCanary(filterScript);
    expect(result.tests.filter((t) => t.status !== 'pass')).toEqual([]);
    expect(result.status).toBe('passed');
  });

  it('says first that kubectl refused an expression the grader does not support, and lists no consequence of it', async () => {
    const script = filterScript.replaceAll('{.spec.template.spec.containers[?(@.name=="api")].image}', '{..image}');
    const result = await gradeCanary(script);
    expect(result.status).toBe('failed');
    // A check that holds all the same (nothing changed, exit non-zero) still passes.
    const unjudged = result.tests.filter((t) => t.status !== 'pass');
    expect(unjudged.map((t) => t.name.split(':')[0])).toEqual(['promotes IMAGE', "when the canary's rollout fails", 'logs each step and says what failed']);
    for (const test of unjudged) {
      expect(test.status, test.name).toBe('error');
      expect(test.message, test.name).toMatch(/^kubectl refused an expression this grader does not support: -o jsonpath=\{\.\.image\} \(recursive descent \(\.\.\)\)\. That is a limit of this grader/);
      for (const consequence of ['exited non-zero', 'never waited', 'did not say', 'fewer than 2 lines', 'does not run the new image']) expect(test.message, test.name).not.toContain(consequence);
    }
    expect(result.tests.find((t) => t.name.startsWith('without an argument'))?.status).toBe('pass');
  });

  // A review: docker rename was "not a docker command" to the fake, and a script that parks the
  // old container as web-prev was told its release was never health-checked.
  it('passes a deploy that keeps the old container with docker rename and puts it back to roll back', async () => {
    const harness = BASH_KIT_HARNESSES.find((h) => h.name === 'bash-deploy-health-rollback')!;
    const code = readFileSync(path.join(seeds, 'content', 'bash-deploy-health-rollback', 'good', 'rename-keeps-previous.sh'), 'utf8');
    const result = await gradeCode({ kind: 'bash', answer: code, harness: { name: harness.name, version: harness.version } });
    expect(result.tests.filter((t) => t.status !== 'pass')).toEqual([]);
    expect(result.status).toBe('passed');
    const rollback = result.tests.find((t) => t.name.startsWith('rolls back'))!;
    expect(rollback.calls).toEqual(expect.arrayContaining(['docker rename web web-prev → exit 0', 'docker rename web-prev web → exit 0', 'docker start web → exit 0']));
  });

  // A review: a health check run inside the container with docker exec was "not a docker command"
  // to the fake, and the feedback listed the failed deploy and rollback that followed from it.
  it('says first that docker refused a command the grader does not model, and lists no consequence of it', async () => {
    const harness = BASH_KIT_HARNESSES.find((h) => h.name === 'bash-deploy-health-rollback')!;
    const reference = readFileSync(path.join(seeds, 'content', 'bash-deploy-health-rollback', 'reference.sh'), 'utf8');
    const code = reference.replace('curl -fsS --max-time 2 -o /dev/null "$HEALTH_URL"', 'docker exec web curl -fsS --max-time 2 -o /dev/null http://localhost:8080/healthz');
    expect(code).not.toBe(reference);
    const result = await gradeCode({ kind: 'bash', answer: code, harness: { name: harness.name, version: harness.version } });
    expect(result.status).not.toBe('passed');
    const unjudged = result.tests.filter((t) => t.status !== 'pass');
    expect(unjudged.map((t) => t.name.split(':')[0])).toEqual(['deploys IMAGE', 'retries a slow start with growing waits and keeps the new release', 'rolls back to the previous tag when the new release never gets healthy']);
    for (const test of unjudged) {
      expect(test.status, test.name).toBe('error');
      expect(test.message, test.name).toBe(
        "docker refused a command this grader does not support: docker exec. That is a limit of this grader, not a fault in the script, so what followed from it is not judged; the question lists what the fake tools support",
      );
      for (const consequence of ['exited non-zero', 'never health-checked', 'never became healthy', 'does not run the new image', 'rolled back']) expect(test.message, test.name).not.toContain(consequence);
    }
    // The runs that stop before the health check are judged as before.
    for (const name of ['when the pull fails', 'when Docker is down', 'without an argument']) {
      expect(result.tests.find((t) => t.name.startsWith(name))?.status, name).toBe('pass');
    }
  });

  // A review: with no --max-time the fake curl gave up on a hung /healthz after 2 s by itself and
  // the script got 100; a real curl waits there for ever.
  it('fails a health check with no --max-time on the run where /healthz never answers, and says so', async () => {
    const harness = BASH_KIT_HARNESSES.find((h) => h.name === 'bash-deploy-health-rollback')!;
    const code = readFileSync(path.join(seeds, 'content', 'bash-deploy-health-rollback', 'bad', 'curl-without-max-time.sh'), 'utf8');
    const result = await gradeCode({ kind: 'bash', answer: code, harness: { name: harness.name, version: harness.version } });
    expect(result.status).toBe('failed');
    const slow = result.tests.find((t) => t.name.startsWith('retries a slow start'))!;
    expect(slow.status).not.toBe('pass');
    expect(slow.message).toContain('curl waited on http://127.0.0.1:8080/healthz');
    expect(slow.message).toContain('no --max-time (-m)');
    expect(slow.calls).toContain("curl -s -o /dev/null -w '%{http_code}' http://127.0.0.1:8080/healthz → no answer (still waiting when the grader ended the run)");
    expect(slow.message).toContain('a `timeout` wrapper counts only if it ends the call within 2 s here');
    // The runs where /healthz answers are judged as before.
    for (const name of ['deploys IMAGE:TAG', 'when the pull fails', 'when Docker is down', 'without an argument']) {
      expect(result.tests.find((t) => t.name.startsWith(name))?.status, name).toBe('pass');
    }
  });

  // The grader holds a call that never answers in real time, so a wrapper that kills curl ends it
  // as it would the real one, and the script goes on to its next check.
  it('lets a timeout wrapper end a health check that never answers', async () => {
    const harness = BASH_KIT_HARNESSES.find((h) => h.name === 'bash-deploy-health-rollback')!;
    const reference = readFileSync(path.join(seeds, 'content', 'bash-deploy-health-rollback', 'reference.sh'), 'utf8');
    const code = reference.replace('curl -fsS --max-time 2 -o /dev/null', 'timeout 1 curl -fsS -o /dev/null');
    expect(code).not.toBe(reference);
    const result = await gradeCode({ kind: 'bash', answer: code, harness: { name: harness.name, version: harness.version } });
    expect(result.tests.filter((t) => t.status !== 'pass')).toEqual([]);
    const slow = result.tests.find((t) => t.name.startsWith('retries a slow start'))!;
    expect(slow.calls).toContain('curl -fsS -o /dev/null http://127.0.0.1:8080/healthz → no answer (the caller stopped waiting)');
  });
});
