// Attack: output Postgres cannot store. NUL bytes, other control characters, invalid UTF-8 and
// lone surrogates in stdout, stderr and call arguments used to make recording fail, so the answer
// was retried and filed as our infra_error. The harness now hands back printable, well-formed text.
import { describe, expect, it } from 'vitest';
import { allCalls, attackBesideBenign, expectContained, expectNeighbourUnharmed, outputs } from './bash-attack-kit';

describe('bash attack with unstorable output', { timeout: 120_000 }, () => {
  it('escapes NUL and control characters and replaces invalid UTF-8, in output and in calls', async () => {
    const attack = `#!/bin/bash
printf 'nul:\\0: esc:\\033[31m: bad:\\xed\\xa0\\x80: ff:\\xff\\xfe:\\n'
printf 'err:\\0\\x01\\xc0\\n' >&2
docker pull "$(printf 'img\\x01\\xed\\xb0\\x80')"
systemctl stop "$(printf 'my\\033app')"
exit 0
`;
    const run = await attackBesideBenign(attack);
    expectContained(run.result, run.ms);
    const text = outputs(run.result).join('\n');
    expect(text).toContain('nul:\\u0000: esc:\\u001b[31m: bad:\uFFFD');
    expect(allCalls(run.result).some((call) => call.includes('img\\u0001\uFFFD'))).toBe(true);
    expectNeighbourUnharmed(run);
  });
});
