// Every hidden kit test shows its category when it fails, so the prompt the candidate reads names
// every category a hidden case uses: a failure tagged with a word the prompt never mentioned (the
// rollout question's [state] was one) tells the candidate nothing they could have prepared for.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KIT_SPECS } from '@/grading/harnesses/python-kit/kit-harnesses';
import { pythonCompareManifestsSpec } from '@/grading/harnesses/python-compare-manifests/python-compare-manifests-harness';

const content = path.join(process.cwd(), 'seeds', 'content');
const folderOf = (harness: string) =>
  readdirSync(content).find((slug) => existsSync(path.join(content, slug, 'harness.json')) && (JSON.parse(readFileSync(path.join(content, slug, 'harness.json'), 'utf8')) as { name: string }).name === harness);

describe.each([...KIT_SPECS, pythonCompareManifestsSpec].map((spec) => ({ name: spec.name, spec })))('prompt of $name', ({ spec }) => {
  it('lists every category its hidden cases use', () => {
    const folder = folderOf(spec.name);
    expect(folder, spec.name).toBeDefined();
    const prompt = readFileSync(path.join(content, folder!, 'prompt-examples.md'), 'utf8');
    const listed = /a category \(([^)]*)\)/.exec(prompt.replace(/\s+/g, ' '))?.[1]?.split(', ') ?? [];
    const used = [...new Set(spec.cases.filter((c) => c.hidden).map((c) => c.category))];
    expect(used.filter((category) => category === undefined || !listed.includes(category))).toEqual([]);
  });
});
