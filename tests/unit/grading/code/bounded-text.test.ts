// Candidate text that leaves the Bash harness is bounded, marked when cut, printable and
// storable, and docker's name filter and --format never compile or backtrack on it.
import { describe, expect, it } from 'vitest';
import { capText } from '@/grading/harnesses/bash-deploy/cap-text';
import { formatCall } from '@/grading/harnesses/bash-deploy/format-call';
import { matchNameFilter } from '@/grading/harnesses/bash-deploy/match-name-filter';
import { MAX_FORMAT_WORK_CHARS, renderDockerFormat } from '@/grading/harnesses/bash-deploy/render-docker-format';
import { storableText } from '@/grading/storable-text';

describe('capText', () => {
  it('keeps short text and marks how many bytes were cut from long text', () => {
    expect(capText('short', 10)).toBe('short');
    expect(capText('x'.repeat(100), 10)).toBe(`${'x'.repeat(10)}…[truncated 90 bytes]`);
  });

  it('never leaves half a character', () => {
    expect(capText('ééééé', 3)).toBe('é…[truncated 8 bytes]');
  });
});

describe('storableText on Bash output (the one escape format of every harness)', () => {
  it('shows NUL and other control characters (C0, DEL, C1) as escapes and keeps newlines, tabs and carriage returns', () => {
    expect(storableText('a\0b\x1b[31m\tc\r\n\x7f\x9b')).toBe('a\\u0000b\\u001b[31m\tc\r\n\\u007f\\u009b');
  });

  it('replaces lone surrogates and keeps real pairs', () => {
    expect(storableText('\ud800x\udc00 😀')).toBe('\uFFFDx\uFFFD 😀');
    expect(() => encodeURIComponent(storableText('\ud800'))).not.toThrow();
  });
});

describe('formatCall', () => {
  it('bounds the number and length of arguments shown', () => {
    const line = formatCall({ argv: ['docker', 'run', ...Array.from({ length: 100 }, () => 'y'.repeat(1000))], reply: { code: 0, out: '', err: '' } });
    expect(line.length).toBeLessThan(5_000);
    expect(line).toContain('…[78 more arguments]');
    expect(line).toContain('…[truncated 840 bytes]');
  });
});

describe('matchNameFilter', () => {
  it('matches substrings and ^/$ anchors the way scripts use them, and anything else literally', () => {
    expect(matchNameFilter('myapp', 'old-myapp-1')).toBe(true);
    expect(matchNameFilter('^myapp$', 'myapp')).toBe(true);
    expect(matchNameFilter('^/myapp$', 'myapp')).toBe(true);
    expect(matchNameFilter('^myapp$', 'myapp2')).toBe(false);
    expect(matchNameFilter('(', 'myapp')).toBe(false);
    expect(matchNameFilter('(a+)+$', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!')).toBe(false);
  });
});

describe('renderDockerFormat', () => {
  const item = { Names: 'myapp', State: { Running: true }, Labels: { a: 'b' } };

  it('renders fields, json, index and table headers', () => {
    expect(renderDockerFormat('{{.Names}} {{.State.Running}} {{index .Labels "a"}} {{ .Missing }}', [item])).toBe('myapp true b <no value>\n');
    expect(renderDockerFormat('{{json .State}}', [item])).toBe('{"Running":true}\n');
    expect(renderDockerFormat('table {{.Names}}\\t{{.State.Running}}', [item])).toBe('NAMES\t{{.State.Running}}\nmyapp\ttrue\n');
  });

  it('renders "{{" followed by many spaces as text, without backtracking', () => {
    const template = `{{${' '.repeat(30_000)}x`;
    expect(renderDockerFormat(template, [item])).toBe(`${template}\n`);
  });

  it('stops rendering at the output limit', () => {
    const out = renderDockerFormat('{{json .}}'.repeat(1000), Array.from({ length: 64 }, () => item), 10_000);
    expect(out.length).toBeLessThanOrEqual(10_002);
  });

  it('stops rendering, with a mark, once the template was rendered for its work limit, even when it prints nothing', () => {
    const template = '{{x}}'.repeat(1_600);
    const out = renderDockerFormat(template, Array.from({ length: 2_000 }, () => item));
    const rendered = Math.floor(MAX_FORMAT_WORK_CHARS / template.length);
    expect(out).toBe(`${'\n'.repeat(rendered)}…[rendered for ${rendered} of 2000 objects: the grader renders at most 256 KiB of template a call]\n`);
    // A template scripts use, over every container the model can hold, is far from it.
    expect(renderDockerFormat('{{.Names}}', Array.from({ length: 32 }, () => item))).toBe('myapp\n'.repeat(32));
  });
});
