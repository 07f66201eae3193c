// The material editor lists a harness spec's problems one per entry, each named by its field in
// the JSON the admin edits, rather than running them together on one line.
import { describe, expect, it } from 'vitest';
import { specProblems } from '@/components/admin/spec-problems';

describe('specProblems', () => {
  it('gives each problem in the spec its own entry, named by its field in the JSON shown', () => {
    const fields = {
      'material.harnessSpec.spec.cases.3.expected': 'Give the expected value.',
      'material.harnessSpec.spec.cases.4.why': 'Say why the case exists.',
      'material.harnessSpec.spec.name': 'Name the harness.',
      'material.modelAnswer': 'Not a spec problem.',
    };
    expect(specProblems(fields)).toEqual(['cases.3.expected: Give the expected value.', 'cases.4.why: Say why the case exists.', 'name: Name the harness.']);
  });

  it('keeps a problem with the whole spec (not JSON, say) as it is', () => {
    expect(specProblems({ 'material.harnessSpec': 'The tests are not valid JSON: Unexpected end of JSON input.' })).toEqual(['The tests are not valid JSON: Unexpected end of JSON input.']);
    expect(specProblems({ 'material.harnessSpecs': 'another field' })).toEqual([]);
  });
});
