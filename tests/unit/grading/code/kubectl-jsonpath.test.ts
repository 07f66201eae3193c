// The fake kubectl's jsonpath, against the examples of kubectl's own reference page
// (kubernetes.io/docs/reference/kubectl/jsonpath) and client-go's rules: what real scripts write
// is read as kubectl reads it, kubectl's own errors stay errors, what kubectl would run but this
// grader does not model is named as such, and hostile templates cost linear time and bounded output.
import { describe, expect, it } from 'vitest';
import { renderJsonPath } from '@/grading/harnesses/bash-kit/kubectl-jsonpath';

// The reference page's input.
const LIST = {
  kind: 'List',
  items: [
    {
      kind: 'None',
      metadata: { name: '127.0.0.1', labels: { 'kubernetes.io/hostname': '127.0.0.1' } },
      status: { capacity: { cpu: '4' }, addresses: [{ type: 'LegacyHostIP', address: '127.0.0.1' }] },
    },
    {
      kind: 'None',
      metadata: { name: '127.0.0.2' },
      status: { capacity: { cpu: '8' }, addresses: [{ type: 'LegacyHostIP', address: '127.0.0.2' }, { type: 'another', address: '127.0.0.3' }] },
    },
  ],
  users: [
    { name: 'myself', user: {} },
    { name: 'e2e', user: { username: 'admin', password: 'secret' } },
  ],
};
const POD = { spec: { containers: [{ name: 'sidecar', image: 'envoy:1.29', ports: [{ containerPort: 9901 }] }, { name: 'api', image: 'shop/api:3.4.0', ports: [{ containerPort: 8080, name: 'http' }] }] } };

const text = (template: string, item: unknown = LIST) => renderJsonPath(template, item);

describe('kubectl jsonpath: what scripts write', () => {
  it('reads fields, [N], [*] and quoted keys, joining one expression\'s results with a space', () => {
    expect(text('kind is {.kind}')).toEqual({ text: 'kind is List' });
    expect(text("{['kind']}")).toEqual({ text: 'List' });
    expect(text('{.users[0].name}')).toEqual({ text: 'myself' });
    expect(text('{$.items[*].metadata.name}')).toEqual({ text: '127.0.0.1 127.0.0.2' });
    expect(text('{.items[*].metadata.name}{"\\n"}')).toEqual({ text: '127.0.0.1 127.0.0.2\n' });
  });

  it('filters with == and !=, in double or single quotes, on numbers, and by presence', () => {
    expect(text('{.users[?(@.name=="e2e")].user.password}')).toEqual({ text: 'secret' });
    expect(text("{.users[?(@.name=='e2e')].user.password}")).toEqual({ text: 'secret' });
    expect(text('{.users[?(@.name!="e2e")].name}')).toEqual({ text: 'myself' });
    expect(text('{.items[?(@.status.capacity.cpu=="8")].metadata.name}')).toEqual({ text: '127.0.0.2' });
    expect(text('{.spec.containers[?(@.name=="api")].image}', POD)).toEqual({ text: 'shop/api:3.4.0' });
    expect(text('{.spec.containers[*].ports[?(@.containerPort==8080)].name}', POD)).toEqual({ text: 'http' });
    expect(text('{.spec.containers[*].ports[?(@.containerPort>9000)].containerPort}', POD)).toEqual({ text: '9901' });
    expect(text('{.spec.containers[*].ports[?(@.name)].containerPort}', POD)).toEqual({ text: '8080' });
    expect(text('{.users[?(@.user.password)].name}')).toEqual({ text: 'e2e' });
    expect(text('{.users[?(@.name=="nobody")].name}')).toEqual({ text: '' });
  });

  it('ranges over a list, printing objects as Go\'s JSON', () => {
    expect(text('{range .items[*]}[{.metadata.name}, {.status.capacity}] {end}')).toEqual({ text: '[127.0.0.1, {"cpu":"4"}] [127.0.0.2, {"cpu":"8"}] ' });
    expect(text('{range .items[*]}{.metadata.name}{"\\t"}{.status.addresses[*].address}{"\\n"}{end}')).toEqual({ text: '127.0.0.1\t127.0.0.1\n127.0.0.2\t127.0.0.2 127.0.0.3\n' });
    expect(text('{range .users[?(@.name=="e2e")]}{.user.username}{end}')).toEqual({ text: 'admin' });
    expect(text('{range .missing[*]}{.name}{end}done')).toEqual({ text: 'done' });
  });

  it('takes negative indexes and slices as kubectl does, and an index past the end as its error', () => {
    expect(text('{.items[-1].metadata.name}')).toEqual({ text: '127.0.0.2' });
    expect(text('{.items[-1:].metadata.name}')).toEqual({ text: '127.0.0.2' });
    expect(text('{.items[0:1].metadata.name}')).toEqual({ text: '127.0.0.1' });
    expect(text('{.items[:2].metadata.name}')).toEqual({ text: '127.0.0.1 127.0.0.2' });
    expect(text('{.items[::2].metadata.name}')).toEqual({ text: '127.0.0.1' });
    expect(text('{.items[1:1]}')).toEqual({ text: '' });
    expect(text('{.items[5]}')).toEqual({ runError: 'array index out of bounds: index 5, length 2' });
    expect(text('{.items[-3]}')).toEqual({ runError: 'array index out of bounds: index -1, length 2' });
    expect(text('{.kind[0]}')).toEqual({ runError: 'string is not array or slice' });
  });

  it('reads a key with escaped dots', () => {
    expect(text('{.items[0].metadata.labels.kubernetes\\.io/hostname}')).toEqual({ text: '127.0.0.1' });
    expect(text("{.items[0].metadata.labels['kubernetes\\.io/hostname']}")).toEqual({ text: '127.0.0.1' });
  });

  it('gives kubectl\'s own errors for templates kubectl rejects', () => {
    expect(text('{.users[?(@.name=="e2e"}')).toEqual({ parseError: 'unterminated filter' });
    expect(text('{.kind')).toEqual({ parseError: 'unclosed action' });
    expect(text('{"abc}')).toEqual({ parseError: 'unterminated quoted string' });
    expect(text('{.items[x]}')).toEqual({ parseError: 'invalid array index x' });
    expect(text('{.kind!}')).toEqual({ text: '' });
    expect(text('{.kind %}')).toEqual({ parseError: "unrecognized character in action: U+0025 '%'" });
    expect(text('{end}')).toEqual({ runError: 'not in range, nothing to end' });
    expect(text('{.items[*]metadata.name}')).toEqual({ runError: 'unrecognized identifier metadata' });
    expect(text('{.users[?(@.name==3)].name}')).toEqual({ runError: 'incompatible types for comparison' });
    expect(text('{.users[?(@.name=3)].name}')).toEqual({ runError: 'unrecognized filter operator =' });
    expect(text('{range .missing[*]}{.a}{end}{range .missing[*]}x{.b}{end}{end}')).toEqual({ runError: 'not in range, nothing to end' });
    expect(text('{.kind[?(@.x)]}')).toEqual({ runError: 'string is not array or slice and cannot be filtered' });
  });

  it('names what kubectl would run but this grader does not model', () => {
    expect(text('{..name}')).toEqual({ unsupported: 'recursive descent (..)' });
    expect(text("{.items[*]['metadata.name', 'status.capacity']}")).toEqual({ unsupported: "the union ['metadata.name', 'status.capacity']" });
    expect(text('{.users[?(@.name=~"e.*")].name}')).toEqual({ unsupported: 'a regular-expression filter (=~)' });
    expect(text('{range .items[*]}{range .status.addresses[*]}{.address}{end}{end}')).toEqual({ unsupported: 'a range inside a range' });
    expect(text('{range .items[*]}{.metadata.name}')).toEqual({ unsupported: 'a range without its end' });
    expect(text('{.items[?(@.status.addresses[?(@.type=="another")])].metadata.name}')).toEqual({ unsupported: 'a filter inside a filter' });
  });
});

describe('kubectl jsonpath: hostile templates', () => {
  const timed = (template: string, item: unknown = LIST, maxChars?: number) => {
    const started = performance.now();
    const result = renderJsonPath(template, item, maxChars);
    return { result, ms: performance.now() - started };
  };

  it('reads 400 KB of brackets, quotes or filters in linear time', () => {
    const n = 400_000;
    const templates = [
      `{.items${'['.repeat(n)}${']'.repeat(n)}}`,
      `{.items${'['.repeat(n)}}`,
      `{.users[?(${'('.repeat(n)}`,
      `{.users[?(@.name=="${'"'.repeat(n)}")]}`,
      `{.users${'[?(@.a'.repeat(n / 5)}}`,
      `{.a${'\\.'.repeat(n / 2)}}`,
      `${'{.kind}'.repeat(n / 7)}`,
      `{range .items[*]}${'{.metadata.name}'.repeat(n / 16)}{end}`,
      '{'.repeat(n),
      `{"${'\\n'.repeat(n / 2)}"}`,
    ];
    for (const template of templates) {
      const { result, ms } = timed(template);
      expect(ms, template.slice(0, 40)).toBeLessThan(1_500);
      if ('text' in result) expect(result.text.length).toBeLessThanOrEqual(64 * 1024);
    }
  });

  it('keeps the output at its cap however a range multiplies the object', () => {
    const item = { items: Array.from({ length: 50 }, () => ({ blob: 'y'.repeat(1_000) })) };
    for (const template of [`{range .items[*]}${'{@}'.repeat(2_000)}{end}`, `{range .items[*]}{$}{"\\n"}{end}`.repeat(500), `{range .items[*]}${'{.blob}'.repeat(500)}{end}`]) {
      const { result, ms } = timed(template, item, 10_000);
      expect(ms).toBeLessThan(1_500);
      expect('text' in result && result.text.length).toBe(10_000);
    }
  });
});
