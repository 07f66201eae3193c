// The material form's harness fields: only the question's kind of harness is offered.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { expect, it } from 'vitest';
import { HarnessFields } from '@/components/admin/harness-fields';
import { toDraft } from '@/components/admin/material-draft';
import { builtInSpec } from '@/grading/harnesses/harness-from-spec';
import type { Material } from '@/server/curation/schemas';

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
