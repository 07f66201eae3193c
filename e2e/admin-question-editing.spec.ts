// Editing one question's page in Chromium: every material save says so (also the first, which
// names a harness and remounts the editor); a harness spec's problems are listed one per line with
// their field; Validate waits while the material has unsaved edits; two tabs on the same question
// never overwrite each other (the second save is refused and its edits stay in the form); and a
// new answer kind brings that kind's material fields at once. The question is deleted at the end.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { createAccount, signIn } from './support/accounts';

const HARNESS = 'python-canary-verdict';
const REFERENCE = readFileSync(path.join(process.cwd(), 'seeds', 'content', HARNESS, 'reference.py'), 'utf8');
const TOPIC_NAME = 'Production Deployments and Operations';

test('two tabs on one question, unsaved material, spec problems and a new answer kind', async ({ page }) => {
  test.setTimeout(120_000);
  const token = randomUUID().slice(0, 6);
  await signIn(page, createAccount('admin'), '/admin/questions/new');
  await page.getByLabel('Topic').selectOption({ label: TOPIC_NAME });
  await page.getByLabel('Prompt (Markdown)', { exact: true }).fill(`Decide whether canary ${token} is promoted, held or rolled back.`);
  await page.getByLabel('Answer kind').selectOption('PYTHON');
  await page.getByRole('button', { name: 'Create draft question' }).click();
  await expect(page).toHaveURL(/\/admin\/questions\/[0-9a-f-]{36}$/);
  const questionUrl = page.url();

  // The first save names the harness, which remounts the editor: its confirmation still shows.
  await page.getByLabel('Harness name').fill(HARNESS);
  await page.getByLabel('Reference solution (must pass every test)').fill(REFERENCE);
  const validate = page.getByRole('button', { name: 'Validate', exact: true });
  await expect(validate).toBeDisabled();
  await expect(page.getByText('Save your changes first')).toBeVisible();
  await page.getByRole('button', { name: 'Save material' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved draft version 1' })).toBeVisible();
  await expect(validate).toBeEnabled();

  // Two problems in the spec: two entries, each naming its field.
  const specBox = page.getByLabel('Tests (harness spec, JSON)');
  const builtIn = JSON.parse(await specBox.inputValue()) as { cases: { why: string }[] };
  await specBox.fill(JSON.stringify({ ...builtIn, cases: builtIn.cases.map((c, i) => (i < 2 ? { ...c, why: '' } : c)) }));
  await page.getByRole('button', { name: 'Save material' }).click();
  const problems = page.locator('#harness-spec-error li');
  await expect(problems).toHaveCount(2);
  await expect(problems.nth(0)).toHaveText(/^cases\.0\.why: /);
  await expect(problems.nth(1)).toHaveText(/^cases\.1\.why: /);
  await expect(validate).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Publish', exact: true })).toBeDisabled();

  // Tab B opens the question; tab A then saves its details and its material.
  const tabB = await page.context().newPage();
  await tabB.goto(questionUrl);
  await page.reload();
  await page.getByLabel('Prompt (Markdown)', { exact: true }).fill(`Decide whether canary ${token} is promoted, held or rolled back, and why.`);
  await page.getByRole('button', { name: 'Save question' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Question saved.' })).toBeVisible();
  await page.getByLabel('Starter code').fill('def canary_verdict(baseline, canary, policy):\n    pass\n');
  await page.getByRole('button', { name: 'Save material' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved draft version 1' })).toBeVisible();

  // Tab B's saves are refused; its edits stay on screen.
  await tabB.getByLabel('Difficulty').selectOption('HARD');
  await tabB.getByRole('button', { name: 'Save question' }).click();
  await expect(tabB.getByRole('alert').filter({ hasText: 'Someone else saved this question after you opened it.' })).toBeVisible();
  await expect(tabB.getByLabel('Difficulty')).toHaveValue('HARD');
  await tabB.getByLabel('Model answer (Markdown, shown after a graded attempt)', { exact: true }).fill('Tab B model answer.');
  await tabB.getByRole('button', { name: 'Save material' }).click();
  await expect(tabB.getByRole('alert').filter({ hasText: "Someone else saved this question's grading material after you opened it." })).toBeVisible();
  await expect(tabB.getByLabel('Model answer (Markdown, shown after a graded attempt)', { exact: true })).toHaveValue('Tab B model answer.');
  // Reloaded, tab B shows tab A's changes and nothing of its own.
  await tabB.reload();
  await expect(tabB.getByLabel('Prompt (Markdown)', { exact: true })).toHaveValue(/, and why\.$/);
  await expect(tabB.getByLabel('Difficulty')).toHaveValue('EASY');
  await expect(tabB.getByLabel('Starter code')).toHaveValue(/def canary_verdict/);
  await tabB.close();

  // A new answer kind brings that kind's material fields without a reload.
  await page.getByLabel('Answer kind').selectOption('WRITTEN');
  await page.getByRole('button', { name: 'Save question' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Question saved.' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add calibration sample' })).toBeVisible();
  await expect(page.getByLabel('Harness name')).toHaveCount(0);

  page.once('dialog', (dialog) => dialog.accept());
  await page.getByRole('button', { name: 'Delete question' }).click();
  await expect(page).toHaveURL(/\/admin\/questions$/);
});
