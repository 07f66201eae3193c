// Forged verdicts on the Bash world kit (docs/decisions/020), through the real grader and sandbox.
// A check reads the events the fakes record and the tree the supervisor walks; neither may be
// spelled or hidden by the script: a word the script passes to a fake must not read as an event
// the fake makes, and what the script leaves in /work must be read whole or not judged.
import { describe, expect, it } from 'vitest';
import { gradeCode } from '@/grading/code/grade-code';
import type { GradeResult } from '@/grading/contract';
import { BASH_KIT_HARNESSES } from '@/grading/harnesses/bash-kit/bash-kit-harnesses';

function grade(name: string, answer: string) {
  const harness = BASH_KIT_HARNESSES.find((h) => h.name === name);
  if (!harness) throw new Error(`no kit harness ${name}`);
  return gradeCode({ kind: 'bash', answer, harness: { name: harness.name, version: harness.version } });
}

const testNamed = (result: GradeResult, start: string) => {
  const test = result.tests.find((t) => t.name.startsWith(start));
  if (!test) throw new Error(`no test "${start}…" in ${result.tests.map((t) => t.name).join(' | ')}`);
  return test;
};

// A blue-green switch that does everything else right, with `check` as its health check and `test`
// as its configuration test.
const switchScript = (check: string, test: string) => `#!/bin/bash
case \${1:-} in blue) port=8081 ;; green) port=8082 ;; *) echo "Usage: switch.sh blue|green" >&2; exit 2 ;; esac
${check.replaceAll('PORT', '$port')}
ln -s "../upstreams/$1.conf" nginx/conf.d/.next && mv -T nginx/conf.d/.next nginx/conf.d/upstream.conf
${test}
nginx -s reload
`;
const HEALTH_CHECK = 'curl -fsS -o /dev/null "http://127.0.0.1:PORT/healthz" || { echo "unhealthy" >&2; exit 1; }';

describe('bash world kit: events the script spells itself', { timeout: 60_000 }, () => {
  it('nginx -s with a word that is no signal records no event ("nginx test ok" is not nginx -t)', async () => {
    const result = await grade('bash-nginx-blue-green-switch', switchScript(HEALTH_CHECK, "nginx -s 'test ok'"));
    const test = testNamed(result, 'switches nginx to green');
    expect(test.status).toBe('fail');
    expect(test.message).toContain('the new configuration was never tested (nginx -t)');
    expect(test.output).toContain('nginx: invalid option: "-s test ok"');
  });

  it.each([
    ['a URL that only starts like the endpoint', 'curl -s -o /dev/null "http://127.0.0.1:PORT/healthz-never-checked"'],
    ['a URL with the status it wants recorded after a space', 'curl -s -o /dev/null "http://127.0.0.1:PORT/healthz 200"'],
  ])('curl to %s is no health check of the endpoint', async (_, check) => {
    const result = await grade('bash-nginx-blue-green-switch', switchScript(check, 'nginx -t'));
    const test = testNamed(result, 'switches nginx to green');
    expect(test.status).toBe('fail');
    expect(test.message).toContain("green's health (http://127.0.0.1:8082/healthz) was never checked");
  });

  it('a health check of the endpoint, with a trailing slash, still counts', async () => {
    const result = await grade('bash-nginx-blue-green-switch', switchScript('curl -fsS -o /dev/null "http://127.0.0.1:PORT/healthz/" || { echo "unhealthy" >&2; exit 1; }', 'nginx -t'));
    expect(testNamed(result, 'switches nginx to green').status).toBe('pass');
    expect(testNamed(result, 'stays on blue when green is unhealthy').status).toBe('pass');
  });
});
