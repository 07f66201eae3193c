// Hostile answers from the 2026-12-04 review of the offline written grader, each against the real
// seed rubric: rejections worded after the claim or in the candidate's own words ("… is
// unnecessary in my view", "… is a habit I skip", "… is a feature we switched off") got full
// credit and read as "covered", and rubric terms stuffed into "We use X and Y and Z." sentences
// passed. An interviewer fails all of them; the texts are the reviewer's own.
import { describe, expect, it } from 'vitest';
import { gradeWritten, LIST_CAP } from '@/grading/written/grade-written';
import { readAnswer } from '@/grading/written/read-answer';
import { claimsOf, rubricOf } from './seed-rubrics';

const CANARY = rubricOf('explain-canary-releases-contrast-blue-green');
const LIMITS = rubricOf('kubernetes-requests-limits-oomkilled');

const dismissedAdvice = (advice: string[]) => advice.find((a) => a.startsWith('You dismissed'));

describe("rejections said after the claim or in the candidate's own words", () => {
  // c7c.txt: three good sentences, then every practice waved away.
  const C7C =
    'A canary release sends a small percentage of real production traffic to the new version while everything else stays on the current one, which limits the blast radius. Blue-green keeps two full environments and the load balancer switches all traffic at once; it gives an instant switch back but needs double capacity. We use weighted routing on the load balancer to send 5% of traffic, with sticky sessions via consistent hashing. Comparing the canary against a baseline of the stable version over the same window is unnecessary in my view. Error rate, p99 latency and checkout success are on the dashboard if someone wants them. Success criteria agreed up front are a bureaucratic habit that I skip. Automated canary analysis with Argo Rollouts is something my team ripped out last year. Automatic rollback that sets the canary weight to zero within seconds is a feature we switched off. Ramping gradually with a bake time at each step wastes an afternoon, so we promote to everyone after two minutes. With low traffic services, too few requests is a worry I dismiss. Race conditions and memory leaks are not something I think about during a canary.';

  it('credits nothing the candidate rejects, and fails the answer (c7c: 92, passed)', () => {
    const { result, claim } = claimsOf(C7C, CANARY);
    for (const id of ['baseline', 'agreed-up-front', 'automated-analysis', 'traffic-back', 'fast', 'steps', 'bake', 'too-few', 'may-not-appear']) expect(claim(id).status, id).toBe('missing');
    // What the candidate did explain still counts.
    for (const id of ['small-share', 'two-environments', 'weighted-routing']) expect(claim(id).status, id).toBe('met');
    expect(result.status).toBe('failed');
    expect(result.score).toBeLessThanOrEqual(20);
    for (const name of ['Deciding success or failure', 'Rolling back', 'Ramping up with bake time']) {
      expect(result.tests.find((t) => t.name === name)!.coverage).not.toBe('covered');
    }
    expect(dismissedAdvice(result.advice)).toMatch(/dismissed part of .*Rolling back/);
  });

  it('reads verdicts, imperatives and denied needs as rejections (n1: 52)', () => {
    const { result } = claimsOf(
      [
        'There is zero need for comparing the canary against a baseline of the stable version.',
        'Forget about success criteria agreed up front.',
        'Skip the bake time at each step.',
        'Automatic rollback is off the table for us.',
        'Sticky sessions with consistent hashing are unnecessary here.',
        'Weighted routing on the load balancer is a bad idea.',
        'Synthetic traffic for low traffic services is a gimmick.',
        'Memory leaks and race conditions are irrelevant to a canary.',
        'Ramping up gradually is pointless.',
        'Checkout success as a business metric is not worth tracking.',
      ].join('\n'),
      CANARY,
    );
    expect(result.score).toBeLessThanOrEqual(10);
    expect(result.tests.every((t) => (t.claims ?? []).every((c) => c.status === 'missing'))).toBe(true);
  });

  it("reads each of the review's wordings as a rejection of the claim it names", () => {
    const cases: [string, string][] = [
      ['Comparing the canary against a baseline of the stable version is unnecessary in my view.', 'baseline'],
      ['Success criteria agreed up front are a bureaucratic habit that I skip.', 'agreed-up-front'],
      ['Automated canary analysis with Argo Rollouts is something my team ripped out last year.', 'automated-analysis'],
      ['Automatic rollback that sets the canary weight to zero within seconds is a feature we switched off.', 'fast'],
      ['There is zero need for comparing the canary against a baseline of the stable version.', 'baseline'],
      ['Forget about success criteria agreed up front.', 'agreed-up-front'],
      ['Skip the bake time at each step.', 'bake'],
      ['Automatic rollback is off the table for us.', 'fast'],
      ['Synthetic traffic for low traffic services is a gimmick.', 'remedy'],
      ['Memory leaks and race conditions are irrelevant to a canary.', 'may-not-appear'],
      ['Checkout success as a business metric is not worth tracking.', 'business'],
    ];
    for (const [answer, id] of cases) {
      expect(claimsOf(answer, CANARY).claim(id).status, answer).toBe('missing');
    }
  });

  it('fails the dismissive requests-and-limits answer (k5-dismissive: 72, passed)', () => {
    const { result } = claimsOf(
      'The idea that the scheduler places pods by their requests is a myth people repeat; in practice requests are decoration. CPU throttling when a container goes over its CPU limit is something I have never seen matter, and the latency story is exaggerated. Getting OOMKilled with exit code 137 when a container passes its memory limit is rare enough to be irrelevant. Eviction under node memory pressure is not worth planning for. Measuring real usage under load before choosing values is unnecessary busywork; I copy numbers from another service. Setting the memory limit equal to the request is a habit I skip. Leaving out the CPU limit to avoid throttling is bad advice I ignore.',
      LIMITS,
    );
    expect(result.status).toBe('failed');
    expect(result.score).toBeLessThanOrEqual(15);
    expect(result.conceptsCovered).toBe(0);
    expect(dismissedAdvice(result.advice)).toBeDefined();
  });

  it('still credits phrasings that name the same words as a claim of their own', () => {
    const flags = claimsOf(
      'New code ships to production turned off behind a flag, so a deploy exposes nothing. Ops flags are kill switches: during an incident we turn off the expensive feature without a deploy.',
      rubricOf('describe-feature-flags-feature-toggles-decouple'),
    );
    expect(flags.claim('ship-dark').status).toBe('met');
    expect(flags.claim('kill-switch').status).toBe('met');
    expect(dismissedAdvice(flags.result.advice)).toBeUndefined();
    const limits = claimsOf('For latency-sensitive services we skip the CPU limit entirely, to avoid throttling.', LIMITS);
    expect(limits.claim('cpu-limit-debate').status).toBe('met');
  });

  it('denies only the subject of a verdict and the object of an imperative', () => {
    const { claim } = claimsOf('Manual promotion is unnecessary once automated canary analysis promotes or aborts. Skip manual sign-off and compare the canary against a baseline of the stable version.', CANARY);
    expect(claim('automated-analysis').status).toBe('met');
    expect(claim('baseline').status).toBe('met');
  });

  it('reads a dismissed bad practice beside a stated claim as a critique, with no dismissal penalty', () => {
    const { result, claim } = claimsOf(
      'Putting a shared dependency in the liveness probe is a bad idea: when the database blips, every pod restarts at once.',
      rubricOf('liveness-readiness-startup-probes'),
    );
    expect(claim('dependency-in-liveness').status).toBe('met');
    expect(dismissedAdvice(result.advice)).toBeUndefined();
  });

  it("keeps a plain answer's score and gives no dismissal advice", () => {
    const { result } = claimsOf(
      'We compare the canary against a baseline of the stable version over the same window, on error rate and p99 latency. Pass and fail thresholds are agreed before the canary starts, and automated canary analysis promotes or aborts. If it fails, all traffic goes back to the stable version within seconds.',
      CANARY,
    );
    expect(dismissedAdvice(result.advice)).toBeUndefined();
    expect(result.tests.find((t) => t.concept === 'rollback')!.coverage).toBe('covered');
  });
});

describe('rubric terms stuffed into carrier sentences', () => {
  it('reads "We use X and Y and Z." as a list (c5-keyword-sentences: 100, passed)', () => {
    const answer =
      'We use a small percentage of traffic, and we also use blast radius. We use two full environments and switch all traffic at once. We use an instant switch back and double capacity. We use weighted routing and 5 percent and sticky sessions. We use a baseline and error rate and latency and checkout success. We use success criteria and automated canary analysis. We use roll back and automatic rollback. We use ramp and bake time. We use too few requests and synthetic traffic. We use race conditions and not a guarantee.';
    const result = gradeWritten({ answer, rubric: CANARY });
    expect(result.score).toBeLessThanOrEqual(LIST_CAP);
    expect(result.status).toBe('failed');
    expect(result.advice.join(' ')).toMatch(/reads as a list of terms/);
  });

  it('reads "We think about A and B and C." as a list (k1-human-stuff: 70, passed)', () => {
    const answer =
      'We think about requests and the scheduler and node capacity. We think about CPU limits and throttling and latency. We think about memory limits and OOMKilled and restarts. We think about setting the memory limit equal to the request and measuring actual usage and not setting CPU limits.';
    const result = gradeWritten({ answer, rubric: LIMITS });
    expect(result.score).toBeLessThan(30);
    expect(readAnswer(answer).every((u) => u.style === 'bare')).toBe(true);
  });

  it('reads rubric fragments stuffed after a carrier as lists on every question (stuff-*: 75–100)', () => {
    const stuffed: [string, string][] = [
      [
        'incident-commander-role-and-why-not-debug',
        'We use coordinates response and assigns people and decisions like roll back. We use declares incident and team trying achieve and keeps communication going and write up afterwards. We use lose sight everything else and coordination stops and commanding needs breadth. We use lead hands investigation and communications lead writes and scribe timeline and subject matter experts.',
      ],
      [
        'kubernetes-requests-limits-oomkilled',
        'We use requests used scheduling and cpu request share. We use cpu get slower and latency throttling. We use memory limit killed and memory pressure. We use measure ?usage and memory limit equal request and avoid throttling.',
      ],
      [
        'liveness-readiness-startup-probes',
        'We use restart container liveness and process alive. We use readiness without restart and rolling update readiness. We use startup not succeed liveness not run and killed while starting. We use database down all pods restart and timeout under load restart.',
      ],
      [
        'what-changed-as-the-first-question',
        'We use break because something different and started after release and suggests roll back. We use list recent releases and history setting changes and infrastructure events like and dependency status pages. We use running out connections and something external and against something healthy and break symptom down.',
      ],
    ];
    for (const [slug, answer] of stuffed) {
      const result = gradeWritten({ answer, rubric: rubricOf(slug) });
      expect(result.score, slug).toBeLessThan(30);
      expect(result.status, slug).toBe('failed');
    }
  });

  it('keeps sentences whose series holds a predicate, a clause or reasoning as explanations', () => {
    for (const sentence of [
      'We use two full environments and switch all traffic at once.',
      'We use weighted routing on the load balancer and send 5% of traffic to the canary.',
      'We have two environments, blue and green, and the load balancer points at one of them.',
      'We have two environments, blue and green, and the router switches traffic between them.',
      'We use a baseline and error rate and latency because a canary alone tells you nothing.',
      'We use error rate and latency to decide whether the canary is promoted.',
      'We never had an error budget or service credits at my company.',
    ]) {
      expect(readAnswer(sentence)[0]!.style, sentence).not.toBe('bare');
    }
  });
});

describe('plain statements the rubrics missed', () => {
  it('credits leaving the CPU limit out in plain words (k4-nocpu), not a memory limit left unset', () => {
    for (const answer of ["For latency-sensitive services I don't set a CPU limit at all.", 'We leave the CPU limit off for latency-sensitive services.']) {
      expect(claimsOf(answer, LIMITS).claim('cpu-limit-debate').status, answer).toBe('met');
    }
    expect(claimsOf("We don't set a memory limit.", LIMITS).claim('cpu-limit-debate').status).toBe('missing');
    expect(claimsOf('I left the CPU limit at two cores.', LIMITS).claim('cpu-limit-debate').status).toBe('missing');
  });

  it('credits the startup probe holding the others off when the answer says "until it passes" (p4, p5)', () => {
    const { claim } = claimsOf('A startup probe is for slow-starting apps. Liveness and readiness are not run until it passes.', rubricOf('liveness-readiness-startup-probes'));
    expect(claim('holds-off').status).toBe('met');
  });
});
