// Editing a Python kit question's tests as data (docs/decisions/021) in Chromium: an admin makes a
// Python question on the python-canary-verdict harness, sees its built-in tests as JSON, adds a
// hidden case with a wrong expected value (validation names it and publishing is refused), fixes
// it, validates and publishes; a candidate's answer that is right on every built-in case but wrong
// on the new one is failed on exactly that hidden test. The question is deleted at the end.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { createAccount, signIn } from './support/accounts';

const HARNESS = 'python-canary-verdict';
const CONTENT = path.join(process.cwd(), 'seeds', 'content', HARNESS);
const REFERENCE = readFileSync(path.join(CONTENT, 'reference.py'), 'utf8');
const BAD = readFileSync(path.join(CONTENT, 'bad', 'compares-error-counts.py'), 'utf8');
const TOPIC_NAME = 'Production Deployments and Operations';
const POLICY = { min_requests: 500, max_error_rate_increase: 0.01, max_p99_ratio: 1.2, abort_errors: 50 };
const CASE_NAME = 'forty-nine errors is under the abort line';
const newCase = (expected: unknown) => ({
  name: CASE_NAME,
  hidden: true,
  category: 'abort threshold',
  args: [{ requests: 30000, errors: 30, p99_ms: 200.0 }, { requests: 12345, errors: 49, p99_ms: 210.0 }, POLICY],
  expected,
  why: 'abort_errors is the first count that aborts',
});
// Right on every built-in case, wrong only on the new one.
const CANDIDATE = `${REFERENCE}\n\n_reference = canary_verdict\n\ndef canary_verdict(baseline, canary, policy):\n    if canary["requests"] == 12345:\n        return {"verdict": "rollback", "reasons": ["too-many-errors"]}\n    return _reference(baseline, canary, policy)\n`;

async function saveSpecWith(page: Page, builtIn: { cases: unknown[] }, expected: unknown) {
  await page.getByLabel('Tests (harness spec, JSON)').fill(JSON.stringify({ ...builtIn, cases: [...builtIn.cases, newCase(expected)] }, null, 2));
  await page.getByRole('button', { name: 'Save material' }).click();
  await expect(page.getByTestId('validation-state')).toContainText('Not validated since the last edit');
}

test('an admin adds a hidden case to a Python kit question, validates and publishes; a candidate is graded against it', async ({ page, browser }) => {
  test.setTimeout(180_000);
  const token = randomUUID().slice(0, 6);
  const prompt = `Decide whether canary ${token} is promoted, held or rolled back, from its metrics and the baseline's.`;

  await signIn(page, createAccount('admin'), '/admin/questions/new');
  await page.getByLabel('Topic').selectOption({ label: TOPIC_NAME });
  await page.getByLabel('Prompt (Markdown)', { exact: true }).fill(prompt);
  await page.getByLabel('Answer kind').selectOption('PYTHON');
  await page.getByLabel('Tags (comma-separated)').fill('canary');
  await page.getByRole('button', { name: 'Create draft question' }).click();
  await expect(page).toHaveURL(/\/admin\/questions\/[0-9a-f-]{36}$/);

  await page.getByLabel('Harness name').fill(HARNESS);
  await page.getByLabel('Reference solution (must pass every test)').fill(REFERENCE);
  await page.getByRole('button', { name: 'Add known-bad variant' }).click();
  await page.getByLabel('Variant 1 Name').fill('compares error counts');
  await page.getByLabel('Variant 1 Code').fill(BAD);
  await page.getByRole('button', { name: 'Save material' }).click();

  // The harness is built from a spec: its built-in tests appear as JSON to edit.
  const specBox = page.getByLabel('Tests (harness spec, JSON)');
  await expect(specBox).toBeVisible();
  await expect(page.getByText(`The built-in tests of "${HARNESS}"`)).toBeVisible();
  const builtIn = JSON.parse(await specBox.inputValue()) as { name: string; cases: unknown[] };
  expect(builtIn.name).toBe(HARNESS);

  // Empty: refused as empty, not as a JSON syntax error.
  await specBox.fill('');
  await page.getByRole('button', { name: 'Save material' }).click();
  await expect(page.getByText('Write the tests: the box is empty.')).toBeVisible();
  // Not JSON: refused in the form, naming the problem.
  await specBox.fill('{ "name": ');
  await page.getByRole('button', { name: 'Save material' }).click();
  await expect(page.getByText(/The tests are not valid JSON/)).toBeVisible();
  // JSON the kit refuses: the field is named.
  await specBox.fill(JSON.stringify({ ...builtIn, cases: [...builtIn.cases, { ...newCase(null), why: '' }] }));
  await page.getByRole('button', { name: 'Save material' }).click();
  await expect(page.getByText(new RegExp(`cases\\.${builtIn.cases.length}\\.why: `))).toBeVisible();

  // A hidden case whose expected value is wrong: the reference fails it, validation says which.
  await saveSpecWith(page, builtIn, { verdict: 'rollback', reasons: ['too-many-errors'] });
  await page.getByRole('button', { name: 'Validate', exact: true }).click();
  await expect(page.getByTestId('validation-state')).toContainText('Validation failed', { timeout: 60_000 });
  await expect(page.getByTestId('validation-result')).toContainText(`the reference solution failed 1 of ${builtIn.cases.length + 1} tests, first test "${CASE_NAME}": wrong result [abort threshold]`);
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'did not pass validation' })).toContainText(CASE_NAME);

  // Fixed: validates and publishes.
  await saveSpecWith(page, builtIn, { verdict: 'promote', reasons: [] });
  await expect(page.getByText('This version has its own tests.')).toBeVisible();
  await page.getByRole('button', { name: 'Validate', exact: true }).click();
  await expect(page.getByTestId('validation-state')).toContainText('Validation passed', { timeout: 60_000 });
  await expect(page.getByTestId('validation-result')).toContainText(`the reference solution passed all ${builtIn.cases.length + 1} tests`);
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Published version 1' })).toBeVisible();
  const candidatePath = new URL(await page.getByRole('link', { name: 'View as a candidate' }).getAttribute('href') ?? '', page.url()).pathname;

  // A candidate's answer is graded against the new hidden case.
  const context = await browser.newContext();
  const candidate = await context.newPage();
  await signIn(candidate, createAccount('candidate'), candidatePath);
  const editor = candidate.getByTestId('code-editor').locator('.cm-content');
  await editor.click();
  await candidate.keyboard.press('Control+A');
  await candidate.keyboard.press('Delete');
  await candidate.keyboard.insertText(CANDIDATE);
  await candidate.getByRole('button', { name: 'Submit answer' }).click();
  const result = candidate.getByTestId('attempt-result');
  await expect(result).toBeVisible({ timeout: 60_000 });
  await expect(candidate.getByTestId('attempt-status')).toHaveText('Not yet');
  await expect(result).toContainText(CASE_NAME);
  await expect(result).toContainText('wrong result [abort threshold]');
  await expect(result).toContainText(`${builtIn.cases.length} of ${builtIn.cases.length + 1}`);
  await context.close();

  // Clean up: the question leaves the bank (soft delete keeps the attempt).
  page.once('dialog', (dialog) => dialog.accept());
  await page.getByRole('button', { name: 'Delete question' }).click();
  await expect(page).toHaveURL(/\/admin\/questions$/);
});
