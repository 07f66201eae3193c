// A Bash world kit question (docs/decisions/020) in the browser: seeded into its topic with its
// brief and starter; a script that lets set -e skip the undo is told, per scenario, which check
// it missed and why, with the kubectl calls it made; the reference passes every scenario.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { createAccount, signIn } from './support/accounts';

const SLUG = 'bash-kubectl-canary-promotion';
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

test('a Bash kit question: a script whose set -e skips the undo sees which scenarios failed and why; the reference passes', async ({ page }) => {
  test.setTimeout(150_000);
  await signIn(page, createAccount(), '/topics/containers-and-kubernetes');
  await page.getByRole('list', { name: 'Questions' }).getByRole('link', { name: /promote\.sh/ }).click();
  await expect(page).toHaveURL(new RegExp(`/questions/${SLUG}$`));
  await expect(page.getByRole('heading', { name: 'The contract your answer is tested against' })).toBeVisible();
  await expect(page.getByTestId('code-editor')).toContainText('readonly NS=shop');

  await submit(page, source('bad/set-e-skips-undo.sh'));
  await expect(page.getByTestId('attempt-status')).toHaveText('Not yet');
  const scenarios = page.getByTestId('scenarios').getByTestId('check');
  const canaryFails = scenarios.filter({ hasText: "when the canary's rollout fails: undoes it, leaves api alone, exits non-zero" });
  await expect(canaryFails).toContainText('(not met)');
  await expect(canaryFails).toContainText('api-canary was left on the new image');
  await canaryFails.getByText('What your code did').click();
  await expect(canaryFails.getByRole('list', { name: /Calls your script made/ })).toContainText('kubectl -n shop rollout status deployment/api-canary --timeout=120s → exit 1');
  const promoted = scenarios.filter({ hasText: 'promotes IMAGE: the canary first' });
  await expect(promoted).toContainText('(passed)');

  await page.reload();
  await submit(page, source('reference.sh'));
  await expect(page.getByTestId('attempt-status')).toHaveText('Passed');
  await expect(page.getByTestId('attempt-score')).toHaveText('100');
  await expect(page.getByText('Scenarios: 5 of 5 passed')).toBeVisible();
});
