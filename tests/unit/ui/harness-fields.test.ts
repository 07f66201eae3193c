// The material form's harness fields: only the question's kind of harness is offered, and the
// version of a harness with tests in the box is read-only, with a note saying where it is set.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { expect, it, vi } from 'vitest';
import { HarnessFields } from '@/components/admin/harness-fields';
import { toDraft, withHarnessName } from '@/components/admin/material-draft';
import { builtInSpec } from '@/grading/harnesses/harness-from-spec';
import type { Material } from '@/server/curation/schemas';

// The editor asks for the router (to refresh after a save); rendered here without one.
vi.mock('next/navigation', () => ({ useRouter: () => ({ refresh: () => undefined, push: () => undefined, replace: () => undefined }) }));

const NAME = 'python-canary-verdict';
const shipped = builtInSpec(NAME)!;
const material: Material = { rubric: null, harness: { name: NAME, version: 1 }, modelAnswer: null, starterCode: null, validation: { kind: 'code', reference: 'x', badVariants: [] } };
const opened = () => toDraft(material, { slug: 'canary', version: 1, isWritten: false, spec: { spec: { kit: shipped.kit, spec: { ...shipped.spec, version: 7 } } as typeof shipped, isBuiltIn: false } });
const render = (draft = opened(), props: Partial<Parameters<typeof HarnessFields>[0]> = {}) =>
  renderToStaticMarkup(createElement(HarnessFields, { draft, onChange: () => undefined, err: () => undefined, hasOwnSpec: true, ...props }));
const available = (html: string) => [.../<p[^>]*data-testid="available-harnesses"[^>]*>([\s\S]*?)<\/p>/.exec(html)![1]!.matchAll(/<code[^>]*>([^<]*)<\/code>/g)].map((m) => m[1]);

it('lists only the harnesses of the question\'s kind: given, or that of the saved harness', () => {
  const names = available(render());
  expect(names).toContain('python-slo-burn-rate-alerts');
  expect(names.every((n) => n!.startsWith('python-'))).toBe(true);
  expect(available(render(opened(), { answerKind: 'BASH' })).every((n) => n!.startsWith('bash-'))).toBe(true);
});

it('separates the available harness names with commas, so their text does not run together', () => {
  const paragraph = /<p[^>]*data-testid="available-harnesses"[^>]*>([\s\S]*?)<\/p>/.exec(render())![1]!;
  const text = paragraph.replace(/<[^>]+>/g, '');
  expect(text).toBe(`Available: ${available(render()).join(', ')}`);
});

it('shows the version the tests state, read-only, with a note that they decide it', () => {
  const html = render();
  const input = /<input[^>]*id="harness-version"[^>]*>/.exec(html)![0];
  expect(input).toContain('readOnly=""');
  expect(input).toContain('value="7"');
  expect(html).toContain('Set by &quot;version&quot; in the tests below: change it there.');
});

it('says which tests apply once another harness is chosen, and where the old ones went', () => {
  const draft = opened();
  const html = render({ ...draft, ...withHarnessName(draft, 'python-slo-burn-rate-alerts') });
  expect(html).not.toContain('id="harness-spec"');
  expect(html).toContain('&quot;python-slo-burn-rate-alerts&quot; grades with its built-in tests (version 1); they show here, to edit, once you save. The tests of &quot;python-canary-verdict&quot; are set aside; choose it again to get them back.');
  expect(/<input[^>]*id="harness-version"[^>]*>/.exec(html)![0]).not.toContain('readOnly');
});

it('offers the harnesses of the question\'s answer kind in the editor, not of its saved harness (a kind changed from Python to Bash)', async () => {
  const { MaterialEditor } = await import('@/components/admin/material-editor');
  const html = renderToStaticMarkup(
    createElement(MaterialEditor, { questionId: '00000000-0000-4000-8000-000000000001', slug: 'canary', answerKind: 'BASH', version: { id: 'v', version: 1 } as never, isPublished: false, material, revision: 'r', harnessSpec: null } as never),
  );
  const names = available(html);
  expect(names.length).toBeGreaterThan(0);
  expect(names.every((n) => n!.startsWith('bash-'))).toBe(true);
});
