// npm start runs grading below the web server's CPU priority (scripts/lib/grading-priority.ts).
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { atGradingPriority } from '../../../scripts/lib/grading-priority';

const ARGS = ['--import', 'tsx', 'scripts/worker.ts'];

describe.runIf(existsSync('/usr/bin/nice'))('atGradingPriority', () => {
  it('runs node under nice 10 by default, with the arguments unchanged', () => {
    expect(atGradingPriority(ARGS, {})).toEqual(['/usr/bin/nice', ['-n', '10', process.execPath, ...ARGS]]);
  });

  it('takes GRADING_NICE, at most 19 (the lowest priority there is)', () => {
    expect(atGradingPriority(ARGS, { GRADING_NICE: '5' })[1].slice(0, 2)).toEqual(['-n', '5']);
    expect(atGradingPriority(ARGS, { GRADING_NICE: '40' })[1].slice(0, 2)).toEqual(['-n', '19']);
  });

  it('runs node itself when turned off or given something that is not a nice value', () => {
    for (const value of ['0', '-5', 'fast', '2.5']) expect(atGradingPriority(ARGS, { GRADING_NICE: value })).toEqual([process.execPath, ARGS]);
  });
});
