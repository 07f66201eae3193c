// General rule defects an experienced interviewer found on 2026-12-03, reviewing the offline
// written grader with answers they scored before reading its grades (the same answers are in the
// dev sets as "review-*"). Each test uses the interviewer's own wording against the real seed
// rubric; the expectation is what they said an interviewer would make of it.
import { describe, expect, it } from 'vitest';
import { gradeWritten } from '@/grading/written/grade-written';
import { claimsOf, rubricOf } from './seed-rubrics';

const CANARY = rubricOf('explain-canary-releases-contrast-blue-green');
const grade = (answer: string, rubric = CANARY) => claimsOf(answer, rubric);

describe('negation over coordinated verb phrases', () => {
  it('denies every part of "didn\'t send … and compare … and roll back …"', () => {
    const { result, claim } = grade(
      "At my last company we didn't send 5% of traffic to a canary and compare error rate and latency against a baseline and roll back automatically when thresholds were breached, because nobody had time to build it.",
    );
    for (const id of ['five-percent', 'baseline', 'signals', 'traffic-back', 'fast', 'automated-analysis']) expect(claim(id).status).not.toBe('met');
    expect(result.score).toBeLessThanOrEqual(10);
  });

  it('keeps a second clause with its own subject positive', () => {
    const { claim } = grade("We didn't use a canary at first and we compared error rate and p99 latency against a baseline of the stable version.");
    expect(claim('baseline').status).toBe('met');
  });
});

describe('denials worded as evaluative dismissals', () => {
  it('credits nothing the candidate calls pointless, a waste of time, something they would refuse, or a myth', () => {
    const { claim } = grade(
      "We skipped the canary step entirely. Comparing the new version against a baseline is pointless in my opinion. Rolling back the traffic to the stable version is something we'd refuse to do. A bake time between ramp steps is a waste of time. I've heard people claim low traffic makes a 5% canary meaningless, but that's a myth.",
    );
    for (const id of ['small-share', 'baseline', 'traffic-back', 'steps', 'bake', 'too-few']) expect(claim(id).status).toBe('missing');
  });

  it('credits neither backoff that "just adds latency" nor shedding "you should never use"', () => {
    const { claim } = grade(
      'Retries are always good for reliability, so the fix for a slow backend is to retry immediately with no delay, as many times as possible, at every layer of the stack, so the request eventually gets through. Exponential backoff and jitter just add latency for users. Circuit breakers actually cause cascading failures because they turn off traffic, and load shedding throws away valid requests, so you should never use them.',
      rubricOf('retry-storms-and-cascading-failures'),
    );
    // Not credited (missing, or contradicted where the retry rubric's misconceptions catch it).
    expect(claim('backoff-jitter').status).not.toBe('met');
    expect(claim('shedding').status).not.toBe('met');
    expect(claim('backoff-jitter').status).not.toBe('partial');
    expect(claim('shedding').status).not.toBe('partial');
  });

  it('still credits a claim whose own words are evaluative ("5% of little traffic is meaningless")', () => {
    const { claim } = grade('At low traffic a 5% canary gets so few requests that the comparison with the baseline is meaningless, so bake longer.');
    expect(claim('too-few').status).not.toBe('missing');
  });
});

describe('on-topic credit', () => {
  const PROBES = rubricOf('liveness-readiness-startup-probes');

  it('gives none to sentences that deny or doubt what they name', () => {
    const negated = gradeWritten({
      answer:
        "I don't really know what a startup probe is, we never used them. I'm not sure whether a readiness failure restarts the container or not. We didn't configure liveness probes at all, so I can't say what configuration would cause an outage.",
      rubric: PROBES,
    });
    expect(negated.score).toBeLessThanOrEqual(5);
    const partial = gradeWritten({
      answer:
        "A liveness probe tells Kubernetes whether the container should be restarted: if it fails, the kubelet kills it and starts a new one. A readiness probe tells Kubernetes whether the pod should receive traffic: when it fails the pod is removed from the Service's endpoints, but it keeps running.",
      rubric: PROBES,
    });
    expect(partial.score).toBeGreaterThan(negated.score);
  });
});

describe('evidence quoting', () => {
  it('quotes the sentence that states the claim most fully, not the first that touches it', () => {
    const { claim } = grade(
      "A canary release sends a small slice of real production traffic to the new version while the rest stays on the current one, so if it's bad only a few users notice. " +
        'The limits: a low-traffic service won\'t get enough requests at 5% to be statistically meaningful, so you need a longer bake or a bigger slice, and intermittent non-deterministic bugs like a race or memory leak may not show during the bake at all.',
    );
    expect(claim('too-few').status).toBe('met');
    expect(claim('too-few').evidence).toMatch(/low-traffic service won't get enough requests/);
  });
});

describe('"you named X without explaining" advice', () => {
  const RESOURCES = rubricOf('kubernetes-requests-limits-oomkilled');
  const namedAdvice = (answer: string, rubric = CANARY) => gradeWritten({ answer, rubric }).advice.filter((a) => a.startsWith('You named'));

  it('is not given for a term explained in a prose sentence', () => {
    expect(
      namedAdvice(
        'Requests are used by the scheduler to decide which node has room for the pod. Limits are the hard cap. If you go over the CPU limit you get throttled, and if you go over the memory limit the container is OOMKilled.',
        RESOURCES,
      ),
    ).toEqual([]);
  });

  it('is not given to a candidate who said the opposite', () => {
    const advice = namedAdvice(
      "Requests are the maximum a container is allowed to use and limits are the minimum the scheduler guarantees. When a container goes over its CPU limit it is OOMKilled immediately with exit code 137, while going over the memory limit just throttles it so it runs slower. The scheduler ignores requests and places pods by limits. For values I'd set limits as high as possible so nothing is ever throttled or OOMKilled.",
      RESOURCES,
    );
    expect(advice.join(' ')).not.toMatch(/throttling|OOMKilled/);
  });

  it('is still given for a term named in a clipped note', () => {
    expect(namedAdvice('Requests are used by the scheduler to decide which node has room for the pod. Memory over limit: OOMKilled, exit 137.', RESOURCES).join(' ')).toMatch(
      /OOMKilled/,
    );
  });
});

describe('misconceptions', () => {
  it('counts one sentence once when it matches two near-identical misconceptions of a concept', () => {
    const { result } = grade(
      'A canary release means you run two complete identical environments, blue and the canary, and switch all of the traffic over in one go at the load balancer. Blue-green is the gradual one, where you send 5% of traffic to green and slowly raise the percentage. For a canary you route traffic by DNS, then compare metrics like error rate and latency against the baseline after a bake time. Rollback is done by rebuilding the previous version from source and redeploying it, which takes about an hour. Low traffic services are actually the best fit for canaries because there is less noise in the metrics, and non-deterministic bugs are always caught by the canary since it runs on real traffic.',
    );
    const bugs = result.tests.find((t) => t.concept === 'non-deterministic-bugs')!;
    expect(bugs.coverage).toBe('contradicted');
    expect(bugs.misconceptions).toHaveLength(1);
    expect(bugs.misconceptions![0]!.id).toBe('always-caught');
  });

  it('quotes the sentence that says what the misconception says', () => {
    const result = gradeWritten({
      answer:
        'The readiness probe is the one that restarts the container when it fails, because Kubernetes assumes the app is dead. The liveness probe decides whether the pod gets traffic from the Service: a failing liveness probe removes it from the endpoints but does not restart anything. Startup probes run continuously for the whole life of the container alongside the others. The safest configuration is to make your liveness probe check every downstream dependency, like the database and the cache, so that Kubernetes restarts pods whenever a dependency is down.',
      rubric: rubricOf('liveness-readiness-startup-probes'),
    });
    const swapped = result.tests.flatMap((t) => t.misconceptions ?? []).find((m) => m.id === 'liveness-removes-traffic')!;
    expect(swapped.quote).toMatch(/failing liveness probe removes it from the endpoints/);
  });
});
