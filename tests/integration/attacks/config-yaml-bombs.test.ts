// A configuration answer is data, but a hostile document can still make a parser or a checker do
// unbounded work. Each of these is refused by the runner in the jail with a reason the candidate
// can act on (status error, every check not run), not left to the sandbox's time or memory limit,
// and never blamed on us (infra_error).
import { describe, expect, it } from 'vitest';
import { gradeCode } from '@/grading/code/grade-code';
import { MAX_CODE_ANSWER_BYTES } from '@/grading/contract';

const grade = (answer: string) => gradeCode({ kind: 'config', answer, harness: { name: 'config-kubernetes-zero-downtime', version: 1 } });

// The classic: nine levels of ten aliases each, 10^9 strings once expanded.
const billionLaughs = ['lol0: &lol0 "lol"', ...Array.from({ length: 9 }, (_, i) => `lol${i + 1}: &lol${i + 1} [${Array(10).fill(`*lol${i}`).join(', ')}]`)].join('\n');
// The same growth through merge keys, which PyYAML copies into each mapping.
const mergeBomb = ['m0: &m0 {a: 1, b: 2}', ...Array.from({ length: 40 }, (_, i) => `m${i + 1}: &m${i + 1} {<<: [*m${i}, *m${i}], k${i}: 1}`)].join('\n');

describe('configuration answers under attack', () => {
  it.each([
    ['a billion laughs', billionLaughs, 'with its aliases expanded the YAML has more than 50000 nodes'],
    ['a merge-key bomb', mergeBomb, 'with its aliases expanded the YAML has more than 50000 nodes'],
    ['an alias inside the node it names', 'kind: &loop [a, *loop]', 'an alias refers to a node that contains it'],
    ['a mapping that contains itself', 'spec: &self {inner: *self}', 'an alias refers to a node that contains it'],
    ['more than 200 aliases', `base: &b 1\nlist: [${Array(201).fill('*b').join(', ')}]`, 'uses more than 200 aliases'],
    ['nesting 10,000 levels deep', `${'['.repeat(10_000)}${']'.repeat(10_000)}`, 'nested more than 64 levels deep'],
    ['16,000 empty documents', '---\n'.repeat(16_000), 'more than 20000 nodes'],
    ['a python object tag', 'kind: !!python/object/apply:os.system ["touch /work/pwned"]', 'does not parse'],
    ['an integer of 20,000 digits', `replicas: ${'9'.repeat(20_000)}`, 'has a value that cannot be read'],
    ['a date that does not exist', 'created: 2024-13-45', 'has a value that cannot be read'],
    ['a duplicate key that hides the real value', 'kind: Deployment\nkind: ConfigMap', 'the key "kind" appears twice in one mapping'],
    ['tabs for indentation', 'spec:\n\treplicas: 3', 'does not parse'],
  ])('%s is refused with a reason', async (_, answer, reason) => {
    const result = await grade(answer);
    expect(result.status).toBe('error');
    expect(result.message).toContain(reason);
    expect(result.tests.length).toBe(7);
    for (const test of result.tests) expect(test).toMatchObject({ status: 'error', message: 'not run: the YAML could not be checked' });
  });

  it('refuses an answer past the size limit before it reaches the sandbox', async () => {
    const result = await grade(`# ${'x'.repeat(MAX_CODE_ANSWER_BYTES)}\nkind: Deployment`);
    expect(result).toMatchObject({ status: 'error', message: `The answer is larger than ${MAX_CODE_ANSWER_BYTES / 1024} KiB.`, tests: [] });
  });

  it('checks a document of the wrong shape (lists where maps belong) without the checker raising', async () => {
    const result = await grade('kind: Deployment\nspec: [1, 2]\n---\n- just\n- a list\n---\nkind: PodDisruptionBudget\nspec: 7');
    expect(result.status).toBe('failed');
    expect(result.tests.map((t) => t.status)).toEqual(Array(7).fill('fail'));
  });

  it('an empty answer or one that is only comments holds no document', async () => {
    for (const answer of ['# nothing here\n', '---\n...\n']) expect(await grade(answer)).toMatchObject({ status: 'error', message: 'The YAML could not be checked: the YAML holds no document' });
  });
});
