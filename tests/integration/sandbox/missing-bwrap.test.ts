// Our failure, not the candidate's: without bubblewrap nothing runs, and grading says how to fix
// it. The answer would leave a marker on the host if it ever ran outside the jail.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { gradeCode } from '@/grading/code/grade-code';
import { createBwrapDriver } from '@/grading/sandbox/create-bwrap-driver';

describe('bubblewrap missing', () => {
  it('returns infra_error with an install hint and never runs the answer', async () => {
    const marker = `/tmp/rehearse-ran-outside-${process.pid}-${Date.now()}`;
    const driver = createBwrapDriver({ bwrapPath: '/nonexistent/bwrap' });
    const result = await gradeCode({ kind: 'bash', answer: `#!/bin/bash\ntouch ${marker}\n`, harness: { name: 'bash-deploy', version: 1 } }, driver);
    expect(result.status).toBe('infra_error');
    expect(result.message).toContain('apt-get install bubblewrap');
    expect(result.score).toBe(0);
    expect(existsSync(marker)).toBe(false);
  });
});
