// The Bash world kit's spec is checked when the grader loads and will be checked when an admin
// saves one: every shipped question parses, and the mistakes an author can make are named.
import { describe, expect, it } from 'vitest';
import { bashKitAuthoringProblems, BashKitSpecSchema, type BashKitSpecInput } from '@/grading/harnesses/bash-kit/bash-kit-spec';
import { BASH_KIT_HARNESSES, BASH_KIT_SPECS } from '@/grading/harnesses/bash-kit/bash-kit-harnesses';
import { BASH_DEPLOY_SPEC } from '@/grading/harnesses/bash-deploy/bash-deploy-harness';
import { createBashKitHarness } from '@/grading/harnesses/bash-kit/create-bash-kit-harness';

const minimal = (): BashKitSpecInput => ({
  name: 'bash-example',
  version: 1,
  script: 'run.sh',
  world: { units: { 'docker.service': 'active' } },
  scenarios: [
    { id: 'works', args: ['x'] },
    { id: 'no-argument', args: [] },
  ],
  checks: [
    { name: 'works', scenario: 'works', expect: [{ kind: 'exit', zero: true, reason: 'exited non-zero' }] },
    { name: 'refuses', scenario: 'no-argument', expect: [{ kind: 'exit', zero: false, reason: 'exited 0' }] },
  ],
});
const issues = (input: unknown) => {
  const parsed = BashKitSpecSchema.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('BashKitSpecSchema', () => {
  it('accepts every shipped question and builds a bash harness from each', () => {
    expect(BASH_KIT_HARNESSES.map((h) => h.name)).toEqual(['bash-deploy-health-rollback', 'bash-kubectl-canary-promotion', 'bash-nginx-blue-green-switch', 'bash-safe-log-cleanup']);
    for (const harness of BASH_KIT_HARNESSES) expect(harness.answerKind).toBe('bash');
    expect(createBashKitHarness(minimal()).spec.maxCallsPerScenario).toBe(40);
  });

  it('makes the configuration test follow the tree exactly when the world has one, reading files it has', () => {
    const spec = minimal();
    spec.scenarios[0]!.world = { nginx: { configTest: { live: 'nginx/live.conf', broken: 'nginx/green.conf' } } };
    expect(issues(spec)).toEqual(['scenarios.0.world.nginx: nginx.configTest { live, broken } reads the scratch tree: the world needs a tree']);
    spec.world.tree = [{ path: 'nginx/live.conf', kind: 'symlink', target: 'green.conf' }, { path: 'nginx/green.conf', bytes: 10 }];
    expect(issues(spec)).toEqual(['scenarios.0.world.nginx: nginx.configTest.broken: the tree has no file "nginx/green.conf" with a content']);
    spec.world.tree = [{ path: 'nginx/green.conf', content: 'upstream app { server app-green:8080; }' }];
    expect(issues(spec)).toEqual(['scenarios.0.world.nginx: nginx.configTest.live: the tree has no "nginx/live.conf"']);
    spec.world.tree.push({ path: 'nginx/live.conf', kind: 'symlink', target: 'green.conf' });
    expect(issues(spec)).toEqual([]);
  });

  it('asks a spec being saved to make the configuration test follow its tree, and still reads one stored before', () => {
    const spec = minimal();
    spec.world.tree = [{ path: 'nginx/live.conf', content: 'upstream app {}' }];
    spec.world.nginx = { configTest: 'ok' };
    spec.scenarios[0]!.world = { nginx: { configTest: { live: 'nginx/live.conf' } } };
    // A fixed answer beside a tree could be asked before the script changes anything: refused
    // when saved, but a spec stored before the rule still parses, so it keeps grading.
    const stored = BashKitSpecSchema.parse(spec);
    expect(bashKitAuthoringProblems(stored)).toEqual([
      { path: ['scenarios', 1, 'world', 'nginx'], message: 'with a scratch tree, nginx.configTest follows it ({ "live": PATH, "broken": PATH }), or a script can ask it before it changes anything' },
    ]);
    spec.world.nginx = { configTest: { live: 'nginx/live.conf' } };
    expect(bashKitAuthoringProblems(BashKitSpecSchema.parse(spec))).toEqual([]);
  });

  it('ships only specs a save would accept', () => {
    for (const spec of [BASH_DEPLOY_SPEC, ...BASH_KIT_SPECS]) expect(bashKitAuthoringProblems(spec), spec.name).toEqual([]);
  });

  it('names a check that reads a scenario that does not exist, and a scenario no check reads', () => {
    const spec = minimal();
    spec.checks[1]!.scenario = 'missing';
    expect(issues(spec)).toEqual(expect.arrayContaining(['checks.1.scenario: no scenario "missing"', 'scenarios: no check reads scenario "no-argument"']));
  });

  it('refuses repeated names, a harness name outside bash-*, and tree paths that leave the work directory', () => {
    const spec = minimal();
    spec.name = 'deploy';
    spec.checks[1]!.name = 'works';
    spec.world.tree = [{ path: '../etc/passwd' }];
    expect(issues(spec)).toEqual(
      expect.arrayContaining(['name: A Bash kit harness is named bash-<slug>.', 'checks.1.name: repeats the check name "works"', 'world.tree.0.path: a relative path inside the work directory']),
    );
  });

  it('gives a symlink, and only a symlink, a target', () => {
    const spec = minimal();
    spec.world.tree = [{ path: 'a', kind: 'symlink' }];
    expect(issues(spec)).toContain('world.tree: a symlink, and only a symlink, has a target');
  });
});
