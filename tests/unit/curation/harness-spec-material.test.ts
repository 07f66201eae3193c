// A question version's harness spec (docs/decisions/021) as curation handles it: read back from a
// stored version and hashed only when present (so older material keeps its hash), refused on save
// when it does not fit the harness, not stored when it equals the built-in spec, edited in the
// material form as JSON text, and forwarded by the worker in the grade request.
import { describe, expect, it } from 'vitest';
import { fromDraft, specVersion, toDraft, withBuiltInTests, withHarnessName, type MaterialDraft } from '@/components/admin/material-draft';
import { builtInSpec } from '@/grading/harnesses/harness-from-spec';
import { HarnessSpecSchema } from '@/grading/harnesses/harness-spec';
import { currentHarnessSpec } from '@/server/curation/current-harness-spec';
import { materialHash } from '@/server/curation/material-hash';
import { materialSaveProblems } from '@/server/curation/material-save-problems';
import { readMaterial } from '@/server/curation/read-material';
import { MaterialSchema, materialKindProblems, type Material } from '@/server/curation/schemas';
import { withoutBuiltInSpec } from '@/server/curation/without-built-in-spec';
import { buildGradeRequest } from '@/worker/build-grade-request';

const NAME = 'python-canary-verdict';
const found = builtInSpec(NAME)!;
if (found.kit !== 'python-kit') throw new Error(`${NAME} is a Python kit question`);
const shipped = found;
const extraCase = { name: 'an extra hidden case', hidden: true, category: 'extra', args: shipped.spec.cases[0]!.args, expected: 'nonsense', why: 'added by an admin' };
const edited = HarnessSpecSchema.parse({ kit: 'python-kit', spec: { ...shipped.spec, version: 2, cases: [...shipped.spec.cases, extraCase] } });
const base: Material = {
  rubric: null,
  harness: { name: NAME, version: 1 },
  modelAnswer: null,
  starterCode: null,
  validation: { kind: 'code', reference: 'def f(): pass', badVariants: [] },
};
const stored = { rubric: null, harness: base.harness, modelAnswer: null, starterCode: null, validation: base.validation };

describe('reading and hashing', () => {
  it('reads a stored spec back, and leaves the key out when there is none (the hash of older material is unchanged)', () => {
    expect(readMaterial({ ...stored, harnessSpec: edited }, 'PYTHON').material.harnessSpec).toEqual(edited);
    const without = readMaterial({ ...stored, harnessSpec: null }, 'PYTHON').material;
    expect(without).not.toHaveProperty('harnessSpec');
    expect(materialHash(without)).toBe(materialHash(readMaterial(stored, 'PYTHON').material));
    expect(materialHash(readMaterial({ ...stored, harnessSpec: edited }, 'PYTHON').material)).not.toBe(materialHash(without));
  });

  it('reports an unreadable stored spec and reads the rest', () => {
    const { material, problems } = readMaterial({ ...stored, harnessSpec: { kit: 'python-kit', spec: { name: NAME } } }, 'PYTHON');
    expect(material).not.toHaveProperty('harnessSpec');
    expect(material.harness).toEqual(base.harness);
    expect(problems[0]).toMatch(/^harnessSpec\.spec\./);
  });

  it('shows the stored spec, else the built-in one, else none', () => {
    expect(currentHarnessSpec({ ...base, harnessSpec: edited })).toEqual({ spec: edited, isBuiltIn: false });
    expect(currentHarnessSpec(base)).toEqual({ spec: shipped, isBuiltIn: true });
    expect(currentHarnessSpec({ harness: { name: 'config-kubernetes-zero-downtime', version: 1 } })).toBeNull();
  });
});

describe('saving', () => {
  const withSpec = (harnessSpec: Material['harnessSpec'], harness = { name: NAME, version: 2 }): Material => ({ ...base, harness, harnessSpec });

  it('accepts an edited spec whose name and version are the harness\'s, whatever version the grader ships', () => {
    expect(materialSaveProblems('PYTHON', withSpec(edited))).toEqual([]);
  });

  it('names what does not fit: the version, the name, a harness that is not data, a written question', () => {
    expect(materialSaveProblems('PYTHON', withSpec(edited, { name: NAME, version: 1 }))).toEqual([{ path: ['harness', 'version'], message: 'The spec says version 2; give the harness the same version.' }]);
    const renamed = HarnessSpecSchema.parse({ kit: 'python-kit', spec: { ...edited.spec, name: 'python-elsewhere' } });
    expect(materialSaveProblems('PYTHON', withSpec(renamed))).toEqual([{ path: ['harnessSpec', 'spec', 'name'], message: `The spec is for the harness "python-elsewhere", but this question's harness is "${NAME}".` }]);
    expect(materialSaveProblems('CONFIG', withSpec(edited, { name: 'config-kubernetes-zero-downtime', version: 2 }))).toEqual([{ path: ['harnessSpec'], message: 'The harness "config-kubernetes-zero-downtime" is not built from a spec, so its tests cannot be edited here.' }]);
    expect(materialKindProblems('WRITTEN', { ...withSpec(edited), harness: null, validation: null })).toEqual([{ path: ['harnessSpec'], message: 'A written question has a rubric, not a harness spec.' }]);
  });

  it('refuses a spec the kit refuses, naming the field', () => {
    const parsed = MaterialSchema.safeParse({ ...base, harnessSpec: { kit: 'python-kit', spec: { ...shipped.spec, cases: [...shipped.spec.cases, { ...extraCase, why: '' }] } } });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path.join('.'))).toEqual([`harnessSpec.spec.cases.${shipped.spec.cases.length}.why`]);
  });

  it('does not store a spec identical to the built-in one (key order aside)', () => {
    const reordered = JSON.parse(JSON.stringify({ spec: shipped.spec, kit: shipped.kit })) as Material['harnessSpec'];
    expect(withoutBuiltInSpec({ ...base, harnessSpec: reordered })).toEqual(base);
    expect(withoutBuiltInSpec(withSpec(edited))).toEqual(withSpec(edited));
  });
});

describe('the material form', () => {
  it('shows the spec as JSON text and sends the parsed document, with the harness taking its version', () => {
    const draft = toDraft(base, { slug: 'canary', version: 1, isWritten: false, spec: { spec: shipped, isBuiltIn: true } });
    expect(draft.spec).toEqual({ kit: 'python-kit', text: JSON.stringify(shipped.spec, null, 2) });
    const sent = fromDraft(draft, false, JSON.parse(draft.spec!.text.replace('"version": 1', '"version": 3')));
    expect(sent.harness).toMatchObject({ name: NAME, version: 3 });
    expect(MaterialSchema.parse(sent).harnessSpec?.spec.version).toBe(3);
    // No spec to edit (a configuration checker): none is sent.
    expect(fromDraft(toDraft({ ...base, harness: { name: 'config-kubernetes-zero-downtime', version: 1 } }, { slug: 'd', version: 1, isWritten: false, spec: null }), false)).not.toHaveProperty('harnessSpec');
  });
});

describe('changing the harness in the material form', () => {
  const OTHER = 'python-slo-burn-rate-alerts';
  // A draft Python question whose version stores its own tests, at version 2.
  const opened = () => toDraft(withSpec(edited), { slug: 'canary', version: 1, isWritten: false, spec: { spec: edited, isBuiltIn: false } });
  const withSpec = (harnessSpec: Material['harnessSpec']): Material => ({ ...base, harness: { name: NAME, version: 2 }, harnessSpec });
  // What the editor sends on save: the box parsed when there is one.
  const send = (draft: MaterialDraft) => MaterialSchema.parse(fromDraft(draft, false, draft.spec ? JSON.parse(draft.spec.text) : undefined));

  it('drops the old harness\'s own tests when another kit harness is chosen, so the save is accepted with the new harness\'s built-in tests', () => {
    const draft = opened();
    const changed = { ...draft, ...withHarnessName(draft, OTHER) };
    expect(changed.spec).toBeNull();
    expect(changed.harness).toMatchObject({ name: OTHER, version: 1 });
    const sent = send(changed);
    expect(sent).not.toHaveProperty('harnessSpec');
    expect(sent.harness).toMatchObject({ name: OTHER, version: 1 });
    expect(materialSaveProblems('PYTHON', sent)).toEqual([]);
  });

  it('brings the opened harness\'s own tests back when it is chosen again, and leaves them while a name is half typed', () => {
    const draft = opened();
    const away = { ...draft, ...withHarnessName(draft, OTHER) };
    const back = { ...away, ...withHarnessName(away, NAME) };
    expect(back.spec).toEqual(draft.spec);
    expect(back.harness).toMatchObject({ name: NAME, version: 2 });
    expect(materialSaveProblems('PYTHON', send(back))).toEqual([]);
    // Tests edited (or saved) since the editor opened are the ones brought back.
    const retyped = { ...draft, spec: { kit: 'python-kit' as const, text: draft.spec!.text.replace('added by an admin', 'edited since') } };
    const away2 = { ...retyped, ...withHarnessName(retyped, OTHER) };
    expect({ ...away2, ...withHarnessName(away2, NAME) }.spec?.text).toContain('edited since');
    const typing = withHarnessName(draft, 'python-slo');
    expect(typing.spec).toBe(draft.spec);
    expect(typing.harness).toMatchObject({ name: 'python-slo', version: 2 });
  });

  it('drops the version\'s own tests on "Use the built-in tests", at the harness\'s shipped version', () => {
    const draft = opened();
    const builtIn = { ...draft, ...withBuiltInTests(draft) };
    expect(builtIn.spec).toBeNull();
    const sent = send(builtIn);
    expect(sent).not.toHaveProperty('harnessSpec');
    expect(sent.harness).toMatchObject({ name: NAME, version: 1 });
    expect(materialSaveProblems('PYTHON', sent)).toEqual([]);
  });

  it('shows the version the tests state, which is the one saved', () => {
    const draft = opened();
    expect(specVersion(draft.spec)).toBe(2);
    expect(send({ ...draft, harness: { ...draft.harness!, version: 7 } }).harness?.version).toBe(2);
    expect(specVersion({ kit: 'python-kit', text: '{ not json' })).toBeUndefined();
    expect(specVersion(null)).toBeUndefined();
  });
});

describe('the worker\'s grade request', () => {
  it('carries the version\'s spec when it has one, and nothing more when it has none', () => {
    const material = { version: 4, rubric: null, harness: { name: NAME, version: 2 } };
    expect(buildGradeRequest({ answerKind: 'PYTHON', answer: 'x', material: { ...material, harnessSpec: edited } })).toEqual({ request: { kind: 'python', answer: 'x', harness: { name: NAME, version: 2 }, spec: edited } });
    expect(buildGradeRequest({ answerKind: 'PYTHON', answer: 'x', material: { ...material, harnessSpec: null } })).toEqual({ request: { kind: 'python', answer: 'x', harness: { name: NAME, version: 2 } } });
  });
});
