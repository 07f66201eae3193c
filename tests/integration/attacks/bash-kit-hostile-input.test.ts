// Forged verdicts on the Bash world kit (docs/decisions/020), through the real grader and sandbox.
// A check reads the events the fakes record and the tree the supervisor walks; neither may be
// spelled or hidden by the script: a word the script passes to a fake must not read as an event
// the fake makes, and what the script leaves in /work must be read whole or not judged.
import { describe, expect, it } from 'vitest';
import { gradeCode } from '@/grading/code/grade-code';
import type { GradeResult } from '@/grading/contract';
import { MAX_REPLY_OUT_BYTES } from '@/grading/harnesses/bash-deploy/relay-session';
import { MAX_FORMAT_OUTPUT_CHARS } from '@/grading/harnesses/bash-deploy/render-docker-format';
import { BASH_KIT_HARNESSES } from '@/grading/harnesses/bash-kit/bash-kit-harnesses';
import { expectContained, outputs } from './bash-attack-kit';

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

// In the config-test-fails scenario green's configuration is the broken one: nginx -t follows
// where the live link points at the call (the jail's supervisor reads it), so it cannot be asked
// before the switch to tell that scenario apart, and nothing put at the live path stalls it.
const REVERTS = 'reverts to blue when nginx -t fails';
const probeScript = (prepare: string) => `#!/bin/bash
case \${1:-} in blue|green) ;; *) echo "Usage: switch.sh blue|green" >&2; exit 2 ;; esac
LIVE=nginx/conf.d/upstream.conf
nginx -t >/dev/null 2>&1; echo "before the switch: $?"
${prepare}
nginx -t >/dev/null 2>&1; echo "after the switch: $?"
echo "reverted to blue" >&2
exit 1
`;

describe('bash world kit: a configuration test that reads the tree', { timeout: 60_000 }, () => {
  it('passes before the switch and fails once the broken configuration is live, in the same scenario', async () => {
    const started = performance.now();
    const result = await grade('bash-nginx-blue-green-switch', probeScript('ln -s ../upstreams/green.conf "$LIVE.new" && mv -T "$LIVE.new" "$LIVE"'));
    const test = testNamed(result, REVERTS);
    expect(test.output).toContain('before the switch: 0\nafter the switch: 1');
    // The revert check still fails: the broken link was left live.
    expect(test.status).toBe('fail');
    expectContained(result, performance.now() - started);
  });

  // In every scenario alike (the switch scenario's test follows the tree too), except that only
  // the broken scenario's green is broken: a copy of it fails there alone.
  it.each([
    ['nothing (the link moved away)', 'mv "$LIVE" nginx/elsewhere', 1, 1],
    ['a copy of green\'s file, not a link', 'cp --remove-destination nginx/upstreams/green.conf "$LIVE"', 1, 0],
    ['a FIFO nobody writes to', 'rm "$LIVE" && mkfifo "$LIVE"', 1, 1],
    ['a FIFO the script holds open', 'rm "$LIVE" && mkfifo "$LIVE" && exec 3<>"$LIVE"', 1, 1],
    ['a symlink loop', 'ln -sfn upstream.conf "$LIVE"', 1, 1],
    ['a device', 'ln -sfn /dev/zero "$LIVE"', 1, 1],
    ['a terminal', 'ln -sfn /dev/tty "$LIVE"', 1, 1],
    ['a file of 1 MiB', 'rm "$LIVE" && head -c 1048576 /dev/zero > "$LIVE"', 1, 1],
    ['blue again', 'ln -sfn ../upstreams/blue.conf "$LIVE"', 0, 0],
  ])('puts %s at the live path: answered at once, from what is there', async (_, prepare, inBroken, inSwitch) => {
    const started = performance.now();
    const result = await grade('bash-nginx-blue-green-switch', probeScript(prepare));
    expect(testNamed(result, REVERTS).output).toContain(`before the switch: 0\nafter the switch: ${inBroken}`);
    expect(testNamed(result, 'switches nginx to green').output).toContain(`before the switch: 0\nafter the switch: ${inSwitch}`);
    expect(testNamed(result, REVERTS).status).toBe(inBroken === 0 ? 'pass' : 'fail');
    expectContained(result, performance.now() - started);
  });

  it('a test still waiting when the script ends does not cost the grader the tree it reads back', async () => {
    const script = `#!/bin/bash
case \${1:-} in blue|green) ;; *) echo "Usage: switch.sh blue|green" >&2; exit 2 ;; esac
ln -s ../upstreams/green.conf nginx/conf.d/.new && mv -T nginx/conf.d/.new nginx/conf.d/upstream.conf
for i in 1 2 3 4 5 6; do nginx -t >/dev/null 2>&1 & done
exit 1
`;
    for (let round = 0; round < 3; round++) {
      const result = await grade('bash-nginx-blue-green-switch', script);
      expect(result.status).not.toBe('infra_error');
      for (const test of result.tests) expect(test.message ?? '').not.toContain('could not read');
      expect(testNamed(result, 'stays on blue when green is unhealthy').message).toContain('no longer points at blue');
    }
  });
});

// A log cleanup that deletes only the old logs at the top of the directory, then `hide`s the rest.
const cleanupScript = (hide: string) => `#!/bin/bash
[[ \${1:-} == --dry-run ]] && shift
[ -d "\${1:-}" ] || { echo "Usage: cleanup.sh [--dry-run] LOG_DIR" >&2; exit 2; }
rm -f -- "$1/app-2026-11-01.log" "$1/old report.log" "$1"/line*break.log "$1/-rf.log" "$1/big-recent.log"
${hide}
exit 0
`;
const DELETES_OLD = 'deletes *.log and *.gz files older than 14 days';

describe('bash world kit: a tree the script hides from the grader', { timeout: 60_000 }, () => {
  it('2,000 entries that sort first do not make the old logs after them count as deleted', async () => {
    const result = await grade('bash-safe-log-cleanup', cleanupScript('mkdir -p 0 && (cd 0 && touch $(seq -w 1 2100))'));
    for (const start of [DELETES_OLD, 'then deletes the oldest remaining logs']) {
      const test = testNamed(result, start);
      expect(test.status).toBe('error');
      expect(test.message).toContain('the grader could not read all the script left in /work (more than 2000 entries');
    }
  });

  it.each([
    ['directories made unreadable', 'chmod 000 "$1/nested" "$1/space dir"'],
    ['directories made readable but not searchable', 'chmod 444 "$1/nested" "$1/space dir"'],
    ['unreadable directories of a work directory made unreadable too', 'chmod 000 "$1/nested" "$1/space dir" /work'],
  ])('logs left in %s are still found', async (_, hide) => {
    const result = await grade('bash-safe-log-cleanup', cleanupScript(hide));
    const test = testNamed(result, DELETES_OLD);
    expect(test.status).toBe('fail');
    expect(test.message).toContain('a compressed log in a subdirectory older than 14 days is still there (logs/nested/worker.log.gz)');
    expect(test.message).toContain('a log in a directory whose name has a space older than 14 days is still there');
  });
});

describe('bash world kit: JavaScript\'s own names in what the fakes look up', { timeout: 60_000 }, () => {
  it('prints nothing for a field the object does not have, __proto__ and constructor included', async () => {
    const attack = `#!/bin/bash
echo "[$(kubectl -n shop get deployment api -o 'jsonpath={.constructor}|{.__proto__}|{.metadata.toString}|{.metadata.name}')]"
exit 1
`;
    const result = await grade('bash-kubectl-canary-promotion', attack);
    expect(result.status).toBe('failed');
    for (const output of outputs(result)) expect(output).toContain('[|||api]');
  });

  it('systemctl show -p names no property of JavaScript\'s', async () => {
    const attack = `#!/bin/bash
echo "[$(systemctl show docker -p constructor,__proto__,toString,ActiveState | tr '\\n' '|')]"
exit 1
`;
    const result = await grade('bash-deploy-health-rollback', attack);
    expect(result.status).not.toBe('infra_error');
    for (const output of outputs(result)) expect(output).toMatch(/\[constructor=\|__proto__=\|toString=\|ActiveState=(active|inactive)\|\]/);
  });
});

describe('bash world kit: replies a short call makes long', { timeout: 60_000 }, () => {
  // docker inspect of one name 3,900 times is 2 MB of JSON for a 16 KB request: the grader built
  // it all for each call and kept it with the calls, though the script gets 48 KB of it. Scenarios
  // then ran out of time while the grading process held hundreds of MB.
  it('docker inspect naming one object thousands of times builds little more than the reply carries', async () => {
    const attack = `#!/bin/bash
names=$(printf 'web %.0s' $(seq 1 3900))
docker inspect $names | tail -c 40; echo
for i in $(seq 1 10); do docker inspect $names >/dev/null; done
exit 1
`;
    const started = performance.now();
    const result = await grade('bash-deploy-health-rollback', attack);
    expectContained(result, performance.now() - started);
    const cuts = outputs(result).flatMap((o) => [...o.matchAll(/…\[truncated (\d+) bytes\]/g)].map((m) => Number(m[1])));
    expect(cuts.length).toBeGreaterThan(0);
    // Cut at the relay's 48 KiB from what was built: 64 KiB and one object, not 2 MB.
    for (const cut of cuts) expect(cut).toBeLessThan(MAX_FORMAT_OUTPUT_CHARS - MAX_REPLY_OUT_BYTES + 2_000);
  });

  // The same call with a --format of 1,600 actions that print nothing: 3 million actions, a
  // quarter of a second of the grading process per call, and every scenario beside it timed out.
  it('docker inspect --format of many empty actions over thousands of names stops at its work limit', async () => {
    const attack = `#!/bin/bash
format=$(printf '{{x}}%.0s' $(seq 1 1600))
names=$(printf 'web %.0s' $(seq 1 1900))
docker inspect -f "$format" $names | tail -n 1
for i in $(seq 1 10); do docker inspect -f "$format" $names >/dev/null; done
exit 1
`;
    const started = performance.now();
    const result = await grade('bash-deploy-health-rollback', attack);
    expectContained(result, performance.now() - started);
    expect(outputs(result).join('\n')).toContain('…[rendered for 32 of 1900 objects: the grader renders at most 256 KiB of template a call]');
  });
});
