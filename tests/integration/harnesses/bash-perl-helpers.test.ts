// A host without a C compiler grades Bash with the Perl jail launcher (jail-launcher-source.ts)
// and the Perl scenario starter and relay (scenario-start-source.ts): the same verdicts as the C
// builds every other Bash test runs with. REHEARSE_NATIVE_HELPERS=off picks the fallbacks; the
// choice is made at the first jail of the process (this test file's own, under Vitest's per-file
// isolation).
import { beforeAll, describe, expect, it } from 'vitest';
import { gradeCode } from '@/grading/code/grade-code';
import { scenarioStarter } from '@/grading/harnesses/bash-kit/scenario-start-source';
import { seedFile, seedFiles } from './seed-files';

const SLUG = 'write-bash-script-pulls-specified-docker';
const grade = (answer: string) => gradeCode({ kind: 'bash', answer, harness: { name: 'bash-deploy', version: 1 } });

beforeAll(() => {
  process.env.REHEARSE_NATIVE_HELPERS = 'off';
});

describe('Bash grading with the Perl launcher and starter', () => {
  it('passes the reference on every test, its fake calls relayed', async () => {
    expect(scenarioStarter()).toMatchObject({ kind: 'perl', file: { path: 'start.pl' } });
    const result = await grade(seedFile(SLUG, 'reference.sh'));
    expect(result.tests.filter((t) => t.status !== 'pass')).toEqual([]);
    expect(result).toMatchObject({ status: 'passed', score: 100 });
    expect(result.tests[0]!.calls?.[0]).toBe('docker pull registry.example.com/team/myapp:1.4.2 → exit 0');
  });

  it('fails a known-bad variant on the test that names its fault', async () => {
    const result = await grade(seedFiles(SLUG, 'bad').find((f) => f.name === 'ignores-failed-pull.sh')!.code);
    expect(result.status).toBe('failed');
    expect(result.tests.find((t) => t.name.startsWith('when the pull fails'))).toMatchObject({ status: 'fail', message: 'the pull failed but myapp was stopped: an outage' });
  });
});
