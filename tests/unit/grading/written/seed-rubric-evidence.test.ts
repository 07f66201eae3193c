// Feedback a candidate found wrong on the seed rubrics, in the browser: credit for a claim from a
// sentence about the other practice, a stated uncertainty read as the claim, a keyword list
// accused of a swapped definition, and a plainly stated point missed. Each answer here is the
// candidate's own wording; the expectation is what an interviewer would say of it.
import { describe, expect, it } from 'vitest';
import { claimsOf as gradeSeed, rubricOf } from './seed-rubrics';

const CANARY = rubricOf('explain-canary-releases-contrast-blue-green');
const BUILD_ONCE = rubricOf('ci-cd-pipeline-stages-build-once-promote');
const EXPAND_CONTRACT = rubricOf('expand-contract-rename-column-zero-downtime');
const PROBES = rubricOf('liveness-readiness-startup-probes');
const RESOURCES = rubricOf('kubernetes-requests-limits-oomkilled');
const SLI_SLO_SLA = rubricOf('sli-slo-sla-for-a-public-api');
const INCIDENT_COMMANDER = rubricOf('incident-commander-role-and-why-not-debug');
const RETRIES = rubricOf('retry-storms-and-cascading-failures');
const CARDINALITY = rubricOf('high-cardinality-labels-overload-prometheus');

const claimsOf = (answer: string, rubric = CANARY) => gradeSeed(answer, rubric);

describe('seed rubric feedback', () => {
  it('does not credit canary routing or rollback from sentences about blue-green', () => {
    const { claim } = claimsOf(
      'A canary release sends a small share of real production traffic to the new version first and widens it while it stays healthy. ' +
        'Blue-green is different: we run two full environments, deploy to the idle one, and the load balancer switches all traffic at once. ' +
        'That gives an instant switch back but needs double capacity. For the canary I start the new version beside the stable fleet and watch it. ' +
        'I have no idea how the traffic would actually be split between them.',
    );
    expect(claim('weighted-routing').status).toBe('missing');
    expect(claim('fast').status).toBe('missing');
    // The blue-green claims are still credited from those sentences.
    expect(claim('instant-switch-back').status).toBe('met');
  });

  it('calls blue-green "a canary at 50%" wrong, and credits no ramp or bake from it or from a "while"', () => {
    // A candidate's answer, from a review in the browser (2026-12-05): the ramp was credited from
    // the blue-green sentence and the bake from "…, while the rest stays on the old version".
    const { result, claim } = claimsOf(
      'Canary releases mean we deploy the new version to a small group first and we watch error rates before widening it to everyone, while the rest stays on the old version. ' +
        'If the canary looks fine we promote it to everyone. ' +
        'Blue-green is basically the same thing but with two colours: you send half of the traffic to blue and half to green and slowly move users over, so it is just a canary with 50%.',
    );
    const coverage = (concept: string) => result.tests.find((t) => t.concept === concept)!.coverage;
    expect(coverage('blue-green-contrast')).toBe('contradicted');
    expect(claim('steps').status).toBe('missing');
    expect(claim('bake').status).toBe('missing');
    expect(coverage('progressive-ramp')).toBe('missing');
    expect(result.status).toBe('failed');
    // What it did say about canaries is still credited.
    expect(claim('small-share').status).toBe('met');
  });

  it('still credits a ramp and a bake said of the canary', () => {
    const { claim } = claimsOf('For the canary we go 5%, 25%, 50%, 100%, and we let each step bake for 30 minutes before the next one.');
    expect(claim('steps').status).toBe('met');
    expect(claim('bake').status).toBe('met');
  });

  it('quotes the canary routing sentence as the evidence for weighted routing', () => {
    const { claim } = claimsOf(
      'Blue-green runs two environments and the load balancer flips everyone at once. ' +
        'For a canary I set weighted routing in Istio, 95/5, so 5% of requests reach the new version.',
    );
    expect(claim('weighted-routing').status).toBe('met');
    expect(claim('weighted-routing').evidence).toMatch(/Istio/);
  });

  it('reads "I have no idea how … bake time" as not knowing, not as the claim', () => {
    const { result, claim } = claimsOf('I have no idea how a rollback would work or how long a bake time should be.');
    expect(claim('bake').status).toBe('missing');
    expect(result.tests.find((t) => t.concept === 'progressive-ramp')!.coverage).toBe('missing');
  });

  it('does not accuse a keyword list of defining the wrong term', () => {
    const { result } = claimsOf('canary, blue-green, 5% traffic, weighted routing, service mesh, metrics, baseline, rollback, bake time');
    const definition = result.tests.find((t) => t.concept === 'canary-definition')!;
    expect(definition.coverage).not.toBe('contradicted');
    expect(JSON.stringify(result)).not.toMatch(/A definition given for the wrong term/);
  });

  it('still catches a definition stated about the wrong term in a sentence', () => {
    const { result } = claimsOf('Blue-green sends a small share of real production traffic to the new version first, then widens it while it stays healthy.');
    expect(JSON.stringify(result)).toMatch(/A definition given for the wrong term/);
  });

  it('credits "a rebuild can differ" however the candidate words it, and not its denial', () => {
    const stated = claimsOf(
      'We build the artifact once and promote the same image. Base images like python:3.12 move underneath you, a dependency range might resolve to a newer version, so two builds from the same commit aren\'t guaranteed to be identical.',
      BUILD_ONCE,
    );
    expect(stated.claim('rebuild-differs').status).toBe('met');
    const denied = claimsOf('Rebuilding in each environment is fine because builds are always identical and nothing changes.', BUILD_ONCE);
    expect(denied.claim('rebuild-differs').status).toBe('missing');
  });

  // 2026-12-05 review in the browser: "what you tested is what you deploy" reads, without its
  // filler words, as "test deploy", which a list of stages says too. A stage list is not the claim
  // that production runs exactly what was tested; the idiom itself still is.
  it('does not credit "production runs what was tested" from a list of stages, and quotes the sentence that says it', () => {
    const listed = claimsOf('Our pipeline has build, test and deploy stages. We lint, test, build and deploy every commit in Jenkins.', BUILD_ONCE);
    expect(listed.claim('same-bytes').status).toBe('missing');
    const stated = claimsOf(
      'A pipeline has build, test and deploy stages. You build the artifact once and promote it so that what you tested is what you ship, and it is faster too because you do not rebuild.',
      BUILD_ONCE,
    );
    expect(stated.claim('same-bytes')).toMatchObject({ status: 'met', evidence: expect.stringContaining('what you tested is what you ship') });
    expect(claimsOf('Build it once; whatever you tested is what runs in production.', BUILD_ONCE).claim('same-bytes').status).toBe('met');
  });

  // 2026-12-03 review: wrong plans presented as expand and contract (worded unlike the reviewer's answer).
  it('flags renaming in place and dropping the old column at once, and credits neither', () => {
    const { result, claim } = claimsOf(
      'Step one: run an ALTER TABLE to rename the column, then ship the code that reads the new column. ' +
        'We remove the old column immediately in the same release, and there is no need to backfill because the data stays put.',
      EXPAND_CONTRACT,
    );
    const stated = result.tests.flatMap((t) => t.misconceptions ?? []).map((m) => m.id);
    expect(stated).toEqual(expect.arrayContaining(['rename-in-place', 'drop-immediately', 'no-sync-needed']));
    expect(claim('stop-then-drop').status).toBe('contradicted');
    expect(claim('read-new').status).toBe('contradicted');
    expect(result.score).toBeLessThan(35);
  });

  it('does not flag dropping the old column in a later release', () => {
    const { result, claim } = claimsOf('Once nothing reads or writes the old column any more, a later migration drops it; we never drop it in the same release that stops the writes.', EXPAND_CONTRACT);
    expect(result.tests.flatMap((t) => t.misconceptions ?? [])).toEqual([]);
    expect(claim('stop-then-drop').status).toBe('met');
  });

  it('credits the probes in an engineer\'s shorthand and its own order', () => {
    const { claim } = claimsOf(
      'War story: our liveness endpoint was querying Postgres, the primary failed over, and all replicas failed liveness at the same time, so k8s restarted every one. ' +
        'So liveness is only "is the proc deadlocked, kill me". ' +
        'Until the startup probe passes, kubelet disables liveness and readiness, which protects slow-booting JVMs. ' +
        'With a timeout of one second, a pod that turns slow under heavy load fails liveness and gets restarted, pushing more load onto the remaining replicas.',
      PROBES,
    );
    for (const id of ['restart', 'stuck', 'holds-off', 'slow-start', 'dependency-in-liveness', 'aggressive-timeouts']) expect(claim(id).status, id).toBe('met');
  });

  it('flags "check every dependency in liveness" recommended as safe, not when warned against', () => {
    const stated = claimsOf('Best practice is that the liveness probe checks all downstream dependencies so a pod is only alive when everything it needs works.', PROBES);
    expect(stated.result.tests.flatMap((t) => t.misconceptions ?? []).map((m) => m.id)).toContain('liveness-checks-every-dependency');
    const warned = claimsOf('A liveness probe that checks the database restarts every pod when the database blips, so liveness should never check dependencies.', PROBES);
    expect(warned.result.tests.flatMap((t) => t.misconceptions ?? [])).toEqual([]);
    expect(warned.claim('dependency-in-liveness').status).toBe('met');
  });

  it('does not credit readiness semantics from a sentence about liveness', () => {
    const { claim } = claimsOf('A failing liveness probe takes the pod out of the Service endpoints and never restarts it.', PROBES);
    expect(claim('no-traffic').status).not.toBe('met');
  });

  it('credits requests, throttling, OOMKilled and a memory limit near the request in other words', () => {
    const { claim } = claimsOf(
      'The request is the amount the scheduler reserves for the pod, so it only gets scheduled where a node has that much spare capacity; under contention the CPU request decides its proportion of the cores. ' +
        'Past its CPU limit a container is throttled and you see it as p99 latency; past its memory limit it gets OOMKilled and restarted. ' +
        'I set the memory limit at or slightly above the memory request.',
      RESOURCES,
    );
    for (const id of ['scheduler-reserves', 'cpu-share', 'throttled', 'latency', 'oomkilled', 'memory-equal']) expect(claim(id).status, id).toBe('met');
  });

  it('flags requests and limits swapped, scheduling by limits and OOMKilled for CPU', () => {
    const { result, claim } = claimsOf(
      'A request is the max the container can consume, and pods are scheduled by their limits. If a pod exceeds its CPU limit it is killed by the OOM killer.',
      RESOURCES,
    );
    const stated = result.tests.flatMap((t) => t.misconceptions ?? []).map((m) => m.id);
    expect(stated).toEqual(expect.arrayContaining(['requests-are-maximum', 'scheduled-by-limits', 'cpu-over-limit-killed']));
    expect(claim('scheduler-reserves').status).toBe('contradicted');
  });

  it('credits SLIs, the budget and a looser SLA written as notes', () => {
    const { claim } = claimsOf(
      'SLI: the fraction of requests w/o a 5xx answered in under 500ms, taken from the gateway. ' +
        'SLO: 99.95% of that over 30 days; err budget = 100% minus the SLO. ' +
        'SLA: a legally binding commitment to paying customers, looser than the SLO so we are warned early.',
      SLI_SLO_SLA,
    );
    for (const id of ['user-ratio', 'api-sli', 'target', 'budget', 'contract', 'looser']) expect(claim(id).status, id).toBe('met');
  });

  it('flags SLIs as CPU, the budget as SLA minus SLO and a stricter SLA, and credits no SLO target from a sentence about the SLA', () => {
    const { result, claim } = claimsOf(
      'The SLA is our own goal of 99.9% over 30 days. Our SLIs are mostly CPU and memory on each host. ' +
        'The error budget is the difference between the SLA and the SLO, and the SLA is tighter than the SLO.',
      SLI_SLO_SLA,
    );
    const stated = result.tests.flatMap((t) => t.misconceptions ?? []).map((m) => m.id);
    expect(stated).toEqual(expect.arrayContaining(['sli-resources', 'budget-sla-minus-slo', 'sla-stricter']));
    expect(claim('target').status).toBe('missing');
    expect(claim('budget').status).toBe('contradicted');
  });

  it('credits the commander\'s duties and the roles in a responder\'s shorthand', () => {
    const { claim } = claimsOf(
      'The IC decides who handles which workstream and keeps a steady rhythm of updates, every 30 minutes. ' +
        'A comms person keeps customers and execs posted so engineers can work. ' +
        'SMEs for the database or the network join when the ops lead asks for them.',
      INCIDENT_COMMANDER,
    );
    for (const id of ['assign', 'updates', 'comms-lead', 'experts']) expect(claim(id).status, id).not.toBe('missing');
  });

  it('flags a debugging commander and a response without comms or scribe', () => {
    const { result, claim } = claimsOf(
      'The commander should be the one fixing it, since they know the code. We do not need a scribe, and the notes can be reconstructed from Slack later.',
      INCIDENT_COMMANDER,
    );
    const stated = result.tests.flatMap((t) => t.misconceptions ?? []).map((m) => m.id);
    expect(stated).toEqual(expect.arrayContaining(['ic-fixes', 'no-comms-or-scribe']));
    expect(claim('scribe').status).toBe('contradicted');
  });

  it('credits a limited blast radius and a full second environment in other words, not "few requests"', () => {
    const { claim } = claimsOf(
      'The canary gets a sliver of live traffic, so when the build is broken only a small group of customers is affected. Blue-green keeps an entire second production stack and flips the router to it.',
    );
    expect(claim('blast-radius').status).toBe('met');
    expect(claim('two-environments').status).toBe('met');
    const lowTraffic = claimsOf('A canary works badly when a service gets few requests, because 5% of very little tells you nothing.');
    expect(lowTraffic.claim('blast-radius').status).toBe('missing');
  });

  it('flags retrying without delay, backoff as mere latency and shedding as waste; credits the feedback loop', () => {
    const wrong = claimsOf(
      'Retrying always helps, so clients should retry without any backoff. Jitter only adds latency. Shedding drops good requests.',
      RETRIES,
    );
    const stated = wrong.result.tests.flatMap((t) => t.misconceptions ?? []).map((m) => m.id);
    expect(stated).toEqual(expect.arrayContaining(['retries-only-help', 'no-timeouts', 'backoff-only-adds-latency', 'shedding-wasteful']));
    const right = claimsOf('Each retry puts additional load on a backend that is already overloaded, and the slowdown becomes a vicious cycle.', RETRIES);
    expect(right.claim('more-load-when-weak').status).toBe('met');
    expect(right.claim('metastable').status).not.toBe('missing');
  });

  it('flags "cardinality does not matter" and "logs and traces cost too much", and credits no per-user logs from it', () => {
    const { result, claim } = claimsOf(
      'Label cardinality does not matter since the TSDB compresses everything. Traces are too costly for per-user questions, so keeping the user_id label is fine.',
      CARDINALITY,
    );
    const stated = result.tests.flatMap((t) => t.misconceptions ?? []).map((m) => m.id);
    expect(stated).toEqual(expect.arrayContaining(['labels-cheap', 'logs-traces-too-expensive']));
    expect(claim('logs-traces').status).not.toBe('met');
  });
});
