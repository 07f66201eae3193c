// A configuration grading claims the jail pre-started after the previous grading of the same
// question (warm-config-jail.ts) and judges exactly as a cold jail does; another question's
// grading starts cold. The real sandbox, with a driver that records what it was asked to start.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { CONFIG_HARNESSES } from '@/grading/harnesses/config-kit/config-harnesses';
import { createBwrapDriver } from '@/grading/sandbox/create-bwrap-driver';
import type { SandboxDriver } from '@/grading/sandbox/sandbox-driver';

const seed = (slug: string, file: string) => readFileSync(path.join('seeds', 'content', slug, file), 'utf8');
const [kubernetes, ci] = ['config-kubernetes-zero-downtime', 'config-ci-build-once-promote'].map((name) => CONFIG_HARNESSES.find((h) => h.name === name)!);
const badFile = readdirSync(path.join('seeds', 'content', 'config-kubernetes-zero-downtime', 'bad')).sort()[0]!;
const bad = seed('config-kubernetes-zero-downtime', path.join('bad', badFile));

function recording(driver: SandboxDriver) {
  const started: ('cold' | 'warm')[] = [];
  const recorder: SandboxDriver = {
    ...driver,
    name: driver.name,
    prestarts: driver.prestarts,
    run: (spec) => {
      started.push(spec.command.includes('--warm') ? 'warm' : 'cold');
      return driver.run(spec);
    },
  };
  return { driver: recorder, started };
}

it('grades the second answer to a question in the jail started after the first, with the same verdicts as a cold jail', { timeout: 60_000 }, async () => {
  const { driver, started } = recording(createBwrapDriver());
  const cold = createBwrapDriver({ prestart: false });
  const reference = seed('config-kubernetes-zero-downtime', 'reference.yaml');

  const first = await kubernetes!.run(reference, driver);
  expect(started).toEqual(['cold', 'warm']);
  const second = await kubernetes!.run(reference, driver);
  expect(started).toEqual(['cold', 'warm', 'warm']);
  expect(second).toEqual(first);
  expect(second.kind === 'tests' && second.tests.every((t) => t.status === 'pass')).toBe(true);

  // A failing answer, warm, against the same answer in a driver that keeps no jail started.
  const warmBad = await kubernetes!.run(bad, driver);
  expect(started).toEqual(['cold', 'warm', 'warm', 'warm']);
  expect(warmBad).toEqual(await kubernetes!.run(bad, cold));
  expect(warmBad.kind === 'tests' && warmBad.tests.some((t) => t.status !== 'pass')).toBe(true);

  // Another question finds no jail of its own: cold, then one started for it.
  const other = await ci!.run(seed('config-ci-build-once-promote', 'reference.yaml'), driver);
  expect(started.slice(4)).toEqual(['cold', 'warm']);
  expect(other.kind === 'tests' && other.tests.every((t) => t.status === 'pass')).toBe(true);
});
