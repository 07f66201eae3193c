// curl's own --retry waits as a real curl takes them (a review: `curl --retry 4 --retry-connrefused`
// was told it hammered a starting service, since its waits were never seen): without
// --retry-delay 1 s, then twice as long each time; --retry-delay fixes the wait; --retry-max-time
// gives up on a retry that would end past it; a refused connection is retried only with
// --retry-connrefused (or --retry-all-errors). Each wait is recorded as a script's sleep is.
import { describe, expect, it } from 'vitest';
import { createKitWorld } from '@/grading/harnesses/bash-kit/kit-world';
import { WorldSpecSchema } from '@/grading/harnesses/bash-kit/world-spec';
import { answerKitCallAtOnce } from '../../../support/answer-kit-call-at-once';

const URL = 'http://127.0.0.1:8080/healthz';

function host(statuses: number[], running = true) {
  const world = createKitWorld(
    WorldSpecSchema.parse({
      units: { 'docker.service': 'active' },
      docker: { images: ['web:1'], containers: [{ name: 'web', image: 'web:1', running }] },
      http: [{ url: URL, container: 'web', statuses }],
    }),
  );
  return { run: (...args: string[]) => answerKitCallAtOnce(world, ['curl', ...args, URL]), events: () => world.events.map((e) => e.text) };
}

describe('curl --retry', () => {
  it('waits 1, 2, 4 s between tries without --retry-delay, and stops at the first answer it does not retry', () => {
    const { run, events } = host([0, 503, 503, 200]);
    expect(run('-fsS', '--max-time', '2', '--retry', '4', '-o', '/dev/null')).toEqual({ code: 0, out: '', err: '' });
    expect(events()).toEqual([`curl ${URL} 0`, 'sleep 1', `curl ${URL} 503`, 'sleep 2', `curl ${URL} 503`, 'sleep 4', `curl ${URL} 200`]);
  });

  it('announces each retry on stderr unless -s, as curl does', () => {
    const { run } = host([503, 200]);
    expect(run('-f', '--retry', '2', '-o', '/dev/null').err).toBe('Warning: Problem : HTTP error. Will retry in 1 second. 2 retries left.\n');
  });

  it('gives up after --retry tries, the waits doubling, and answers as the last try did', () => {
    const { run, events } = host([503]);
    expect(run('-fsS', '--retry', '4', '-o', '/dev/null')).toMatchObject({ code: 22, err: 'curl: (22) The requested URL returned error: 503\n' });
    expect(events().filter((e) => e.startsWith('sleep'))).toEqual(['sleep 1', 'sleep 2', 'sleep 4', 'sleep 8']);
    expect(events().filter((e) => e.startsWith('curl'))).toHaveLength(5);
  });

  it('waits --retry-delay seconds each time when given', () => {
    const { run, events } = host([503, 503, 200]);
    expect(run('-fsS', '--retry', '5', '--retry-delay', '3').code).toBe(0);
    expect(events().filter((e) => e.startsWith('sleep'))).toEqual(['sleep 3', 'sleep 3']);
  });

  it('gives up on a retry whose wait would end past --retry-max-time, counting timed-out tries', () => {
    const { run, events } = host([503]);
    run('-fsS', '--retry', '10', '--retry-max-time', '10');
    expect(events().filter((e) => e.startsWith('sleep'))).toEqual(['sleep 1', 'sleep 2', 'sleep 4']);
    const slow = host([0]);
    expect(slow.run('-fsS', '-m', '3', '--retry', '10', '--retry-max-time', '10').code).toBe(28);
    // 3 s, wait 1, 3 s, wait 2 (9 s in all), 3 s: a wait of 4 would end at 16 s.
    expect(slow.events()).toEqual([`curl ${URL} 0`, 'sleep 1', `curl ${URL} 0`, 'sleep 2', `curl ${URL} 0`]);
  });

  it('retries a refused connection only with --retry-connrefused or --retry-all-errors', () => {
    const plain = host([200], false);
    expect(plain.run('-fsS', '--retry', '3').code).toBe(7);
    expect(plain.events()).toEqual([`curl ${URL} refused`]);
    for (const flag of ['--retry-connrefused', '--retry-all-errors']) {
      const refused = host([200], false);
      expect(refused.run('-fsS', '--retry', '3', flag).code, flag).toBe(7);
      expect(refused.events(), flag).toEqual([`curl ${URL} refused`, 'sleep 1', `curl ${URL} refused`, 'sleep 2', `curl ${URL} refused`, 'sleep 4', `curl ${URL} refused`]);
    }
  });

  it('retries an HTTP error that is not transient only with --retry-all-errors and -f', () => {
    const notFound = host([404, 200]);
    expect(notFound.run('-fsS', '--retry', '3').code).toBe(22);
    expect(host([404, 200]).run('-sS', '--retry', '3', '--retry-all-errors').code).toBe(0);
    const all = host([404, 200]);
    expect(all.run('-fsS', '--retry', '3', '--retry-all-errors').code).toBe(0);
    expect(all.events()).toEqual([`curl ${URL} 404`, 'sleep 1', `curl ${URL} 200`]);
  });

  it('never retries a request that gets no response when nothing bounds it: it never ends', () => {
    const { run, events } = host([0, 200]);
    expect(run('-fsS', '--retry', '3').hangs).toContain('curl waited on');
    expect(events()).toEqual([`curl ${URL} 0`]);
  });
});
