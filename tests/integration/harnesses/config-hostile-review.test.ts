// The hostile review of 2026-12-04 against the configuration questions, in the real sandbox: an
// exec readiness probe that passes whatever the app answers, a deploy job that echoes the digest
// and deploys :latest, and a build that never pushes all passed 100. Each now fails the one check
// it breaks, saying why; the exec probes and deploys an interviewer would accept still pass.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gradeCode } from '@/grading/code/grade-code';
import { CONFIG_HARNESSES } from '@/grading/harnesses/config-kit/config-harnesses';

const CI = 'config-ci-build-once-promote';
const K8S = 'config-kubernetes-zero-downtime';
const seed = (slug: string, file: string) => readFileSync(path.join(process.cwd(), 'seeds', 'content', slug, file), 'utf8');
const grade = (name: string, answer: string) =>
  gradeCode({ kind: 'config', answer, harness: { name, version: CONFIG_HARNESSES.find((h) => h.name === name)!.version } });
const failures = async (name: string, answer: string) => (await grade(name, answer)).tests.filter((t) => t.status !== 'pass');

const PROBE = 'Every container has a readiness probe';
const withProbe = (command: string[]) =>
  seed(K8S, 'reference.yaml').replace(
    '          readinessProbe:\n            httpGet:\n              path: /healthz/ready\n              port: 8080\n',
    `          readinessProbe:\n            exec:\n              command: ${JSON.stringify(command)}\n`,
  );

describe('an exec readiness probe must fail when the app is not ready', () => {
  it.each([
    [['sh', '-c', 'curl -s http://localhost:8080/healthz/ready || true'], '"|| true" after the request'],
    [['sh', '-c', 'echo checking http://127.0.0.1:8080/healthz/ready'], 'only prints /healthz/ready'],
    [['curl', '-s', 'http://localhost:8080/healthz/ready'], 'curl without -f (--fail)'],
    [['sh', '-c', 'curl -f http://localhost:8080/healthz/ready; true'], 'runs "true" after the request'],
    [['sh', '-c', 'curl -f http://localhost:8080/healthz/ready || exit 0'], '"|| exit 0"'],
    [['sh', '-c', 'curl -f http://localhost:8080/healthz/ready | cat'], 'pipes the request into "cat"'],
    [['sh', '-c', 'if curl -f http://localhost:8080/healthz/ready; then echo ok; fi'], 'runs "echo ok" after the request'],
  ])('refuses %j', async (command, reason) => {
    const failed = await failures(K8S, withProbe(command));
    expect(failed.map((t) => t.name)).toEqual([expect.stringContaining(PROBE)]);
    expect(failed[0]!.message).toContain(reason);
  });

  it('accepts curl -f, wget, a checked status code, an explicit exit 1 and set -e', async () => {
    for (const command of [
      ['curl', '-fsS', 'http://localhost:8080/healthz/ready'],
      ['sh', '-c', 'curl --fail -s http://127.0.0.1:8080/healthz/ready'],
      ['wget', '-q', '-O-', 'http://localhost:8080/healthz/ready'],
      ['sh', '-c', 'if ! curl -fs http://localhost:8080/healthz/ready; then exit 1; fi'],
      ['sh', '-c', `[ "$(curl -s -o /dev/null -w '%{http_code}' http://localhost:8080/healthz/ready)" = 200 ]`],
      ['sh', '-ec', 'curl -fsS http://localhost:8080/healthz/ready; echo ok'],
      ['python3', '-c', "import urllib.request; urllib.request.urlopen('http://localhost:8080/healthz/ready', timeout=2)"],
    ]) {
      expect(await failures(K8S, withProbe(command)), command.join(' ')).toEqual([]);
    }
  });
});

describe('the deploy itself uses the pushed digest', () => {
  const DIGEST = '${{ needs.build.outputs.digest }}';
  const reference = seed(CI, 'reference.yaml');
  const deploying = (staging: string) =>
    reference.replace(`      - run: ./deploy.sh staging "ghcr.io/example/shop@${DIGEST}"\n`, staging);
  const SAME = "Staging and production deploy the build's digest";

  it('an echo of the digest beside a deploy of :latest, the commit tag or the bare repository fails, naming the tag', async () => {
    for (const [staging, shown] of [
      [`      - run: echo "built ${DIGEST}"\n      - run: ./deploy.sh staging ghcr.io/example/shop:latest\n`, 'ghcr.io/example/shop:latest'],
      [`      - run: ./deploy.sh staging ghcr.io/example/shop:\${{ github.sha }}\n        env:\n          DIGEST: ${DIGEST}\n`, 'ghcr.io/example/shop:${{github.sha}}'],
      [`      - run: echo "${DIGEST}"\n      - run: ./deploy.sh staging ghcr.io/example/shop\n`, '(which means :latest)'],
    ]) {
      const failed = await failures(CI, deploying(staging!));
      expect(failed.map((t) => t.name), staging).toEqual([SAME]);
      expect(failed[0]!.message).toContain(shown);
      expect(failed[0]!.message).toContain('a tag that can point at another image');
    }
  });

  it('a deploy.sh call that does not pass the digest fails, and an echo is not a deploy', async () => {
    const unpassed = await failures(CI, deploying(`      - run: test -n "${DIGEST}"\n      - run: ./deploy.sh staging "$IMAGE"\n`));
    expect(unpassed.map((t) => t.message)).toEqual([expect.stringContaining('runs ./deploy.sh staging $IMAGE, which does not pass needs.build.outputs.digest')]);
    const echoed = await failures(CI, deploying(`      - run: echo ./deploy.sh staging "ghcr.io/example/shop@${DIGEST}"\n`));
    expect(echoed.map((t) => t.message)).toEqual([expect.stringContaining('runs no deploy')]);
  });

  it('the digest through a shell variable, a step output, helm, kubectl or a tag pinned by digest passes', async () => {
    for (const staging of [
      `      - run: |\n          IMAGE="ghcr.io/example/shop@${DIGEST}"\n          ./deploy.sh staging "$IMAGE"\n`,
      `      - id: ref\n        run: echo "image=ghcr.io/example/shop@${DIGEST}" >> "$GITHUB_OUTPUT"\n      - run: ./deploy.sh staging "\${{ steps.ref.outputs.image }}"\n`,
      `      - run: helm upgrade --install shop ./chart --set image.repository=ghcr.io/example/shop --set image.digest=${DIGEST}\n`,
      `      - run: kubectl set image deployment/shop shop=ghcr.io/example/shop@${DIGEST}\n`,
      `      - run: ./deploy.sh staging "ghcr.io/example/shop:\${{ github.sha }}@${DIGEST}"\n`,
    ]) {
      expect(await failures(CI, deploying(staging)), staging).toEqual([]);
    }
  });

  it('a build that never pushes fails the digest check, saying so; push by expression passes', async () => {
    const OUTPUTS = 'The build job outputs the image digest';
    for (const answer of [reference.replace('push: true', 'push: false'), reference.replace('          push: true\n', '')]) {
      const failed = await failures(CI, answer);
      expect(failed.map((t) => t.name)).toEqual([OUTPUTS]);
      expect(failed[0]!.message).toContain('never pushes the image');
    }
    expect(await failures(CI, reference.replace('push: true', "push: ${{ github.event_name != 'pull_request' }}"))).toEqual([]);
  });
});
