// Every configuration question, in the real sandbox: the reference and each good variant pass
// every check; each known-bad variant fails, and fails the checks its "# fails:" lines name (or is
// refused with the words on its "# refused:" line); and the admin validation (reference passes,
// every bad variant fails) accepts the question's seeded material. Each sits in a seed topic.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gradeCode } from '@/grading/code/grade-code';
import { CONFIG_HARNESSES } from '@/grading/harnesses/config-kit/config-harnesses';
import { realGraders } from '@/server/curation/real-graders';
import { runValidation } from '@/server/curation/run-validation';
import { readCodeMaterial } from '@/server/seeding/read-code-material';

const seeds = path.join(process.cwd(), 'seeds');
const folders = readdirSync(path.join(seeds, 'content')).filter((slug) => existsSync(path.join(seeds, 'content', slug, 'harness.json')));
const folderOf = (harness: string) => folders.find((slug) => (JSON.parse(readFileSync(path.join(seeds, 'content', slug, 'harness.json'), 'utf8')) as { name: string }).name === harness);
const topicOf = (slug: string) =>
  readdirSync(path.join(seeds, 'topics')).find((file) => (JSON.parse(readFileSync(path.join(seeds, 'topics', file), 'utf8')) as { questions: string[] }).questions.includes(slug));
const variants = (slug: string, kind: 'good' | 'bad') =>
  readdirSync(path.join(seeds, 'content', slug, kind))
    .sort()
    .map((file) => ({ file, code: readFileSync(path.join(seeds, 'content', slug, kind, file), 'utf8') }));
const namedFailures = (code: string) => [...code.matchAll(/^# fails: (.+)$/gm)].map((m) => m[1]!.trim());
const refusal = (code: string) => /^# refused: (.+)$/m.exec(code)?.[1]?.trim();

const TOPICS: Record<string, string> = { 'config-kubernetes-zero-downtime': 'containers-and-kubernetes.json', 'config-ci-build-once-promote': 'ci-cd-pipelines.json' };
const questions = CONFIG_HARNESSES.map((harness) => ({ harness, slug: folderOf(harness.name)! }));

describe.each(questions)('configuration question $slug', ({ harness, slug }) => {
  const grade = (answer: string) => gradeCode({ kind: 'config', answer, harness: { name: harness.name, version: harness.version } });

  it('has a seed folder in its topic, with two good variants, five bad ones and a cheat', () => {
    expect(slug, harness.name).toBeDefined();
    expect(topicOf(slug)).toBe(TOPICS[harness.name]);
    expect((JSON.parse(readFileSync(path.join(seeds, 'content', slug, 'question.json'), 'utf8')) as { answerKind: string }).answerKind).toBe('CONFIG');
    expect(variants(slug, 'good').length).toBeGreaterThanOrEqual(2);
    const bad = variants(slug, 'bad');
    expect(bad.length).toBeGreaterThanOrEqual(5);
    expect(bad.some((v) => v.code.startsWith('# CHEAT'))).toBe(true);
    for (const variant of bad) expect([...namedFailures(variant.code), refusal(variant.code)].filter(Boolean), variant.file).not.toEqual([]);
  });

  it('passes the reference and every good variant on every check, saying what it found', async () => {
    for (const { file, code } of [{ file: 'reference.yaml', code: readFileSync(path.join(seeds, 'content', slug, 'reference.yaml'), 'utf8') }, ...variants(slug, 'good')]) {
      const result = await grade(code);
      expect(result.tests.filter((t) => t.status !== 'pass'), file).toEqual([]);
      expect(result.status, file).toBe('passed');
      expect(result.tests).toHaveLength(harness.name === 'config-kubernetes-zero-downtime' ? 7 : 5);
      for (const test of result.tests) expect(test.message, `${file}: ${test.name}`).not.toBe('');
    }
  });

  it('fails each known-bad variant on the checks it names, and passes the checks it does not break', async () => {
    for (const { file, code } of variants(slug, 'bad')) {
      const result = await grade(code);
      expect(result.status, file).not.toBe('passed');
      expect(result.status, file).not.toBe('infra_error');
      const refused = refusal(code);
      if (refused) {
        expect(result.status, file).toBe('error');
        expect(result.message, file).toContain(refused);
        continue;
      }
      const failed = result.tests.filter((t) => t.status !== 'pass').map((t) => t.name);
      for (const name of namedFailures(code)) expect(failed, `${file} should fail "${name}"`).toContain(name);
      // Exactly the named ones: a variant that breaks more than it says is not testing its reason.
      expect(failed.sort(), file).toEqual(namedFailures(code).sort());
    }
  });

  it('passes the admin validation of its seeded material', async () => {
    const material = await readCodeMaterial(path.join(seeds, 'content', slug), 'CONFIG');
    expect(material.harness).toMatchObject({ name: harness.name, version: harness.version });
    expect(material.starterCode).not.toBe('');
    const outcome = await runValidation({ answerKind: 'CONFIG', material: { rubric: null, ...material } }, realGraders);
    expect(outcome.summary).toBe(`All ${outcome.checks.length} checks passed.`);
    expect(outcome.checks).toHaveLength(1 + material.validation.badVariants.length);
  });
});

// What a failed check says (review of 2026-12-04): the fault itself, where it is, in a sentence a
// candidate can act on; and no clause that is not true of this answer.
describe('configuration feedback names the fault', () => {
  const byName = (name: string) => CONFIG_HARNESSES.find((h) => h.name === name)!;
  const gradeAs = (name: string, answer: string) => gradeCode({ kind: 'config', answer, harness: { name, version: byName(name).version } });
  const seed = (slug: string, file: string) => readFileSync(path.join(seeds, 'content', slug, file), 'utf8');
  const check = async (name: string, answer: string, test: string) => {
    const result = await gradeAs(name, answer);
    const found = result.tests.find((t) => t.name.startsWith(test));
    expect(found, test).toBeDefined();
    return found!;
  };
  const CI = 'config-ci-build-once-promote';
  const K8S = 'config-kubernetes-zero-downtime';

  it('a deploy job that reads the build job\'s output without listing that job in its own needs', async () => {
    const found = await check(CI, seed(CI, 'bad/production-reads-a-job-it-does-not-need.yaml'), 'Staging and production deploy');
    expect(found.status).toBe('fail');
    expect(found.message).toContain('job "production" reads needs.image.outputs.image-digest');
    expect(found.message).toContain('its own needs');
  });

  it('a job output taken from a step id no step has, or from a step that does not build', async () => {
    const missing = await check(CI, seed(CI, 'bad/digest-from-a-step-without-an-id.yaml'), 'The build job outputs');
    expect(missing.status).toBe('fail');
    expect(missing.message).toContain('steps.push.outputs.digest');
    expect(missing.message).toContain('no step of job "image" has id: push');
    const checkout = seed(CI, 'reference.yaml').replace('steps.push.outputs.digest', 'steps.source.outputs.digest').replace('- uses: actions/checkout@v4', '- id: source\n        uses: actions/checkout@v4');
    const wrong = await check(CI, checkout, 'The build job outputs');
    expect(wrong.status).toBe('fail');
    expect(wrong.message).toContain('step "source"');
    expect(wrong.message).toContain('does not build');
  });

  it('a readiness probe on a port or path the app does not serve, and a liveness probe on another port', async () => {
    const readiness = await check(K8S, seed(K8S, 'bad/readiness-probe-on-the-wrong-port.yaml'), 'Every container has a readiness probe');
    expect(readiness.status).toBe('fail');
    expect(readiness.message).toContain('readinessProbe asks port 80');
    expect(readiness.message).toContain('GET /ready');
    expect(readiness.message).toContain('8080');
    const liveness = await check(K8S, seed(K8S, 'bad/liveness-probe-on-another-port.yaml'), 'Every container has a readiness probe');
    expect(liveness.status).toBe('fail');
    expect(liveness.message).toContain('livenessProbe asks port 9090');
    const unnamed = seed(K8S, 'reference.yaml').replace('port: 8080', 'port: http');
    const named = await check(K8S, unnamed, 'Every container has a readiness probe');
    expect(named.status).toBe('fail');
    expect(named.message).toContain('"http" names no port of container "checkout"');
  });

  it('a budget whose selector is broader than the Deployment\'s own, or selects its pods by expressions', async () => {
    const PDB = 'A PodDisruptionBudget selects';
    const shop = await check(K8S, seed(K8S, 'bad/budget-selects-the-whole-shop.yaml'), PDB);
    expect(shop.status).toBe('fail');
    expect(shop.message).toContain('PodDisruptionBudget "checkout" selects app.kubernetes.io/part-of="shop", which other workloads\' pods can carry too');
    expect(shop.message).toContain('include the Deployment\'s selector labels app.kubernetes.io/name="checkout"');
    // Its numbers are still judged: the one fault is the selector.
    expect((await check(K8S, seed(K8S, 'bad/budget-selects-the-whole-shop.yaml'), 'The budget keeps')).status).toBe('pass');
    // The good variant with another budget selector (the budget's is the file's last line).
    const budgetBy = (selector: string) => seed(K8S, 'good/percentages-and-a-service.yaml').replace(/matchLabels: \{app: checkout\}\n$/, `${selector}\n`);
    // A label of the Deployment's selector that does not name it is shared too (every web pod).
    const tier = budgetBy('matchLabels: {tier: web}');
    expect(tier).toContain('matchLabels: {app: checkout, tier: web}\n');
    const partial = await check(K8S, tier, PDB);
    expect(partial.status).toBe('fail');
    expect(partial.message).toContain('selects tier="web"');
    expect(partial.message).toContain('selector labels app="checkout", tier="web"');
    // All of them, extra labels the pods carry, or In with the one value all do.
    for (const selector of ['matchLabels: {app: checkout, tier: web}', 'matchLabels: {app: checkout, tier: web, version: "2.4.1"}']) {
      expect((await check(K8S, budgetBy(selector), PDB)).status, selector).toBe('pass');
    }
    const expressions = budgetBy('matchLabels: {tier: web}\n    matchExpressions: [{key: app, operator: In, values: [checkout]}]');
    expect((await check(K8S, expressions, PDB)).status).toBe('pass');
    expect((await check(K8S, expressions.replace('values: [checkout]', 'values: [checkout, cart]'), PDB)).status).toBe('fail');
    const missed = await check(K8S, expressions.replace('values: [checkout]', 'values: [cart]'), PDB);
    expect(missed.status).toBe('fail');
    expect(missed.message).toContain('no budget\'s selector (tier="web", app In ["cart"]) holds on the pod template\'s labels');
    // A Deployment selecting by expressions still has its pinned labels read (a review: it read only
    // matchLabels, so a broad budget passed beside it); one that pins none falls back on the pod
    // template's labels.
    const byExpressions = (deploymentSelector: string, budget: string) =>
      budgetBy(budget).replace('matchLabels: {app: checkout, tier: web}\n', `${deploymentSelector}\n`);
    const pinnedByIn = 'matchExpressions: [{key: app, operator: In, values: [checkout]}, {key: tier, operator: In, values: [web]}]';
    expect((await check(K8S, byExpressions(pinnedByIn, 'matchLabels: {tier: web}'), PDB)).status).toBe('fail');
    expect((await check(K8S, byExpressions(pinnedByIn, 'matchLabels: {app: checkout}'), PDB)).status).toBe('pass');
    const pinsNone = 'matchExpressions: [{key: app, operator: Exists}]';
    expect((await check(K8S, byExpressions(pinsNone, 'matchLabels: {tier: web}'), PDB)).status).toBe('fail');
    expect((await check(K8S, byExpressions(pinsNone, 'matchLabels: {app: checkout}'), PDB)).status).toBe('pass');
  });

  it('the rolling-update message mentions maxSurge 0 only when maxSurge is 0', async () => {
    const one = await check(K8S, seed(K8S, 'bad/one-of-two-may-go.yaml'), 'Rolling update');
    expect(one.status).toBe('fail');
    expect(one.message).toContain('maxUnavailable is 1');
    expect(one.message).not.toContain('maxSurge 0');
    const none = await check(K8S, seed(K8S, 'bad/no-surge-either.yaml'), 'Rolling update');
    expect(none.status).toBe('fail');
    expect(none.message).toContain('maxSurge is 0');
  });
});
