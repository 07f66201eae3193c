// The admin form's list of harnesses is the grader's list (name, answer kind, version and the kit
// of its built-in spec), and every kit spec is valid data.
import { describe, expect, it } from 'vitest';
import { HARNESSES } from '@/grading/harnesses/find-harness';
import { builtInSpec } from '@/grading/harnesses/harness-from-spec';
import { HARNESS_LISTINGS, HARNESS_NAMES } from '@/grading/harnesses/harness-names';

describe('HARNESS_LISTINGS', () => {
  it('lists exactly the harnesses the grader ships (their specs parsed when it loaded)', () => {
    expect([...HARNESS_NAMES].sort()).toEqual(HARNESSES.map((h) => h.name).sort());
    const shipped = HARNESSES.map((h) => ({ name: h.name, kind: h.answerKind, version: h.version, kit: builtInSpec(h.name)?.kit ?? null }));
    expect([...HARNESS_LISTINGS].sort((a, b) => a.name.localeCompare(b.name))).toEqual(shipped.sort((a, b) => a.name.localeCompare(b.name)));
  });
});
