import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { createAccount, signIn } from './support/accounts';

const QUESTION = '/questions/write-bash-script-pulls-specified-docker';
const CONTENT = path.join(process.cwd(), 'seeds', 'content', 'write-bash-script-pulls-specified-docker');
const script = (file: string) => readFileSync(path.join(CONTENT, file), 'utf8');

async function submitScript(page: Page, source: string) {
  const editor = page.getByTestId('code-editor').locator('.cm-content');
  await editor.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(source);
  await page.getByRole('button', { name: 'Submit answer' }).click();
  await expect(page.getByTestId('attempt-result')).toBeVisible({ timeout: 30_000 });
}

test('a correct Bash deploy script passes every scenario; one that ignores a failed pull is told why it matters', async ({ page }) => {
  // Two sandboxed gradings: more than a minute on a busy machine.
  test.setTimeout(150_000);
  await signIn(page, createAccount(), QUESTION);
  await expect(page.getByRole('heading', { name: 'The contract your answer is tested against' })).toBeVisible();
  // The editor starts from the starter script.
  await expect(page.getByTestId('code-editor')).toContainText('#!');

  await submitScript(page, script('good/restart-images-q.sh'));
  const scenarios = page.getByTestId('scenarios').getByTestId('check');
  await expect(page.getByTestId('attempt-status')).toHaveText('Passed');
  await expect(page.getByTestId('attempt-score')).toHaveText('100');
  const total = await scenarios.count();
  expect(total).toBeGreaterThanOrEqual(7);
  await expect(page.getByText(`Scenarios: ${total} of ${total} passed`)).toBeVisible();
  await expect(page.getByTestId('model-answer')).toHaveCount(0);
  await page.getByRole('button', { name: 'Show the model answer' }).click();
  await expect(page.getByTestId('model-answer')).toBeVisible();

  await page.reload();
  await submitScript(page, script('bad/ignores-failed-pull.sh'));
  await expect(page.getByTestId('attempt-status')).toHaveText('Not yet');
  const pullFails = scenarios.filter({ hasText: 'when the pull fails: exits non-zero and leaves myapp running' });
  await expect(pullFails).toContainText('(not met)');
  await expect(pullFails).toContainText('the pull failed but myapp was stopped: an outage');
  await pullFails.getByText('What your code did').click();
  await expect(pullFails.getByRole('list', { name: /Calls your script made/ })).toContainText('systemctl stop myapp');
  await expect(page.getByTestId('attempt-history').getByRole('listitem')).toHaveCount(2);
});

test('code that passes no test is kept but does not count as practice, and the result says so', async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page, createAccount(), '/questions/write-python-function-compare-manifests-old');
  const count = page.getByTestId('practice-count');
  const before = await count.textContent();
  await submitScript(page, 'def compare_manifests(old_manifest, new_manifest:\n    return False\n');
  await expect(page.getByTestId('attempt-status')).toHaveText('Did not run');
  await expect(page.getByTestId('not-counted')).toHaveText('This attempt is saved in your history, but it does not count as practice: code counts once it passes at least one test.');
  await expect(page.getByTestId('attempt-history').getByRole('listitem')).toHaveCount(1);
  await expect(count).toHaveText(before!);
});

test('a saved draft of code goes back to the starter code, only after a confirm', async ({ page }) => {
  await signIn(page, createAccount(), QUESTION);
  const editor = page.getByTestId('code-editor');
  const content = editor.locator('.cm-content');
  const starter = await content.innerText();
  const reset = page.getByRole('button', { name: 'Reset to starter code…' });
  // Nothing to reset while the editor holds the starter code.
  await expect(reset).toHaveCount(0);
  await content.click();
  await page.keyboard.press('Control+End');
  await page.keyboard.insertText('\necho "my work"\n');
  await page.reload();
  await expect(editor).toContainText('echo "my work"');

  // One click only asks; keeping the code changes nothing.
  await reset.click();
  await expect(page.getByTestId('reset-confirm')).toContainText('Replace your code with the starter code?');
  await expect(page.getByRole('button', { name: 'Keep my code' })).toBeFocused();
  await page.getByRole('button', { name: 'Keep my code' }).click();
  await expect(editor).toContainText('echo "my work"');
  await expect(reset).toBeFocused();

  await reset.click();
  await page.getByRole('button', { name: 'Yes, reset' }).click();
  await expect(editor).not.toContainText('my work');
  await expect(content).toBeFocused();
  expect(await content.innerText()).toBe(starter);
  await expect(reset).toHaveCount(0);
  // The stored draft is cleared, so a reload keeps the starter code.
  expect(await page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('rehearse:draft:')))).toEqual([]);
  await page.reload();
  await expect(editor).toContainText('#!');
  await expect(editor).not.toContainText('my work');
});
