// Hostile configuration answers beyond the parser bombs (config-yaml-bombs.test.ts): values whose
// explicit tag PyYAML's safe constructors cannot build. Some of them fail with a ValueError, but
// others (an empty !!int, a !!bool that is no boolean, a !!timestamp that is no date) raise
// KeyError, IndexError or AttributeError, which once escaped the runner: no report, and the
// candidate's YAML was graded as our infra_error.
import { describe, expect, it } from 'vitest';
import { gradeCode } from '@/grading/code/grade-code';

const grade = (answer: string) => gradeCode({ kind: 'config', answer, harness: { name: 'config-kubernetes-zero-downtime', version: 1 } });

describe('configuration answers with values that are not of their explicit tag', () => {
  it.each([
    ['a !!bool that is no boolean', 'kind: Deployment\nspec:\n  paused: !!bool maybe'],
    ['an empty !!bool', 'kind: !!bool ""'],
    ['an empty !!int', 'kind: Deployment\nspec:\n  replicas: !!int ""'],
    ['a !!int that is only a sign', 'kind: Deployment\nspec:\n  replicas: !!int "-"'],
    ['a !!timestamp that is no date', 'metadata:\n  created: !!timestamp soon'],
    ['a tag spelled out in full', 'kind: !<tag:yaml.org,2002:int> ""'],
    ['a mapping key that is no boolean', '? !!bool maybe\n: 1'],
  ])('%s is the candidate\'s error, with a reason', async (_, answer) => {
    const result = await grade(answer);
    expect(result.status).toBe('error');
    expect(result.message).toBe('The YAML could not be checked: the YAML has a value that cannot be read: a value with an explicit tag (such as !!bool, !!int or !!timestamp) is not of that type');
    expect(result.tests.length).toBe(7);
    for (const test of result.tests) expect(test).toMatchObject({ status: 'error', message: 'not run: the YAML could not be checked' });
  });
});
