// The fake CLIs parse options the way docker's and systemctl's getopt do, and render the
// Go-template --format subset deploy scripts use.
import { describe, expect, it } from 'vitest';
import { parseCliArgs } from '@/grading/harnesses/bash-deploy/parse-cli-args';
import { renderDockerFormat } from '@/grading/harnesses/bash-deploy/render-docker-format';

describe('parseCliArgs', () => {
  it('handles --opt=value, --opt value, clustered short flags and a value glued to a short flag', () => {
    const parsed = parseCliArgs(['-dit', '--name', 'myapp', '--restart=always', '-p8080:80', 'img'], new Set(['--name', '-p', '--restart']));
    expect(parsed.positionals).toEqual(['img']);
    expect(parsed.options.get('--name')).toEqual(['myapp']);
    expect(parsed.options.get('--restart')).toEqual(['always']);
    expect(parsed.options.get('-p')).toEqual(['8080:80']);
    expect([...parsed.options.keys()]).toEqual(expect.arrayContaining(['-d', '-i', '-t']));
  });

  it('stops at the image so the container command is not read as options', () => {
    expect(parseCliArgs(['-d', 'img', 'sh', '-c', 'echo hi'], new Set(), { stopAtPositional: true }).positionals).toEqual(['img', 'sh', '-c', 'echo hi']);
  });
});

describe('renderDockerFormat', () => {
  const item = { Id: 'sha256:abc', Config: { Image: 'repo:1' }, State: { Running: true }, RepoTags: ['repo:1'] };

  it('resolves fields, nested fields, json and index', () => {
    expect(renderDockerFormat('{{.Id}} {{.Config.Image}} {{.State.Running}}', [item])).toBe('sha256:abc repo:1 true\n');
    expect(renderDockerFormat('{{json .RepoTags}}', [item])).toBe('["repo:1"]\n');
    expect(renderDockerFormat('{{index .RepoTags 0}}', [item])).toBe('repo:1\n');
  });

  it('renders a missing field as docker does, and a table header', () => {
    expect(renderDockerFormat('{{.Nope}}', [item])).toBe('<no value>\n');
    expect(renderDockerFormat('table {{.Repository}}\\t{{.Tag}}', [{ Repository: 'r', Tag: 't' }])).toBe('REPOSITORY\tTAG\nr\tt\n');
  });
});
