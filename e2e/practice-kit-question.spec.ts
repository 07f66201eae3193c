// A Python kit question (docs/decisions/018) in the browser: seeded into its topic with its brief
// and starter; a known-bad answer is told which visible test it failed and why, and a hidden test
// only by its name and category; the reference passes every test.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { createAccount, signIn } from './support/accounts';

const SLUG = 'python-kubernetes-rollout-state';
const CONTENT = path.join(process.cwd(), 'seeds', 'content', SLUG);
const source = (file: string) => readFileSync(path.join(CONTENT, file), 'utf8');

async function submit(page: Page, code: string) {
  const editor = page.getByTestId('code-editor').locator('.cm-content');
  await editor.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(code);
  await page.getByRole('button', { name: 'Submit answer' }).click();
  await expect(page.getByTestId('attempt-result')).toBeVisible({ timeout: 60_000 });
}

test('a kit question: a stale-status answer is told why, a hidden failure shows only its category, the reference passes', async ({ page }) => {
  test.setTimeout(150_000);
  await signIn(page, createAccount(), '/topics/containers-and-kubernetes');
  await page.getByRole('list', { name: 'Questions' }).getByRole('link', { name: /rollout_state/ }).click();
  await expect(page).toHaveURL(new RegExp(`/questions/${SLUG}$`));
  // A long prompt is shown once, in full; its cut-off title is the h1 for screen readers only,
  // not repeated on screen above the prompt.
  const title = page.getByRole('heading', { level: 1 });
  await expect(title).toHaveText(/^Write a Python function rollout_state\(.*…$/);
  expect((await title.boundingBox())!.width).toBeLessThanOrEqual(1);
  await expect(page.getByTestId('question-prompt')).toBeVisible();
  await expect(page.getByTestId('question-prompt')).not.toContainText('…');
  await expect(page.getByRole('heading', { name: 'The contract your answer is tested against' })).toBeVisible();
  // The brief's own headings ("# How your function is called") sit under that section heading and
  // look it: smaller than it, no larger than the brief's text.
  const fontSize = (selector: string) => page.getByTestId('contract-brief').locator(selector).first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  const [section, briefHeading, text] = [await fontSize('h2'), await fontSize('h3'), await fontSize('p')];
  expect(briefHeading).toBeLessThan(section);
  expect(briefHeading).toBeLessThanOrEqual(text);
  await expect(page.getByTestId('code-editor')).toContainText('def rollout_state');

  await submit(page, source('bad/trusts-stale-status.py'));
  await expect(page.getByTestId('attempt-status')).toHaveText('Not yet');
  const result = page.getByTestId('attempt-result');
  await expect(result).toContainText('spec changed, status not yet observed');
  await expect(result).toContainText("expected {'state': 'pending'");
  await expect(result).toContainText('wrong result [missing fields]');
  await expect(result).not.toContainText('5f1c2a7e');

  await page.reload();
  await submit(page, source('reference.py'));
  await expect(page.getByTestId('attempt-status')).toHaveText('Passed');
  await expect(page.getByTestId('attempt-score')).toHaveText('100');
});
