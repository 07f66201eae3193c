// The practice loop around grading: attempts you can reopen, results that survive reloads
// (even mid-grading), drafts kept in the browser, hints before the model answer, and a result a
// keyboard and screen-reader user can reach.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { createAccount, signIn } from './support/accounts';

const WRITTEN = '/questions/explain-canary-releases-contrast-blue-green';
const BASH = '/questions/write-bash-script-pulls-specified-docker';
const GOOD_SCRIPT = readFileSync(path.join(process.cwd(), 'seeds', 'content', 'write-bash-script-pulls-specified-docker', 'good', 'restart-images-q.sh'), 'utf8');

const ANSWER = `A canary release sends a small share of production traffic, say 5%, to the new version while the
rest stays on the old one. We compare error rates and latency, and roll back if the canary looks worse.`;

async function answerWritten(page: Page, text: string) {
  await page.getByLabel(/Your answer/).fill(text);
  await page.getByRole('button', { name: 'Submit answer' }).click();
  await expect(page.getByTestId('attempt-result')).toBeVisible({ timeout: 20_000 });
}

test('an old attempt reopens at its own address with its answer and full feedback; the question page restores the latest', async ({ page }) => {
  await signIn(page, createAccount(), WRITTEN);
  await answerWritten(page, ANSWER);
  const firstScore = await page.getByTestId('attempt-score').textContent();
  await answerWritten(page, `${ANSWER}\n\nBlue-green keeps two environments and switches all traffic at once.`);
  await expect(page.getByTestId('attempt-history').getByRole('listitem')).toHaveCount(2);

  // The oldest attempt, by its own URL.
  await page.getByRole('link', { name: /^Attempt 1,/ }).click();
  await expect(page).toHaveURL(/\/attempts\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Your attempt: Explain canary releases');
  await expect(page.getByTestId('attempt-answer')).toContainText('say 5%, to the new version');
  await expect(page.getByTestId('attempt-answer')).not.toContainText('Blue-green keeps two environments');
  await expect(page.getByTestId('attempt-score')).toHaveText(firstScore!);
  await expect(page.getByTestId('missed-concepts').getByTestId('check').first()).toBeVisible();
  const ownUrl = page.url();
  await page.reload();
  await expect(page).toHaveURL(ownUrl);
  await expect(page.getByTestId('attempt-result')).toBeVisible();

  // Back on the question page, the latest attempt and its result are there, in the editor too.
  // The attempt page's "Your answer" section is labelled too: ask for the editor's textbox.
  await page.goBack();
  await expect(page.getByTestId('attempt-result')).toBeVisible();
  await expect(page.getByRole('textbox', { name: /Your answer/ })).toHaveValue(/Blue-green keeps two environments/);
  await page.goto(WRITTEN);
  await expect(page.getByTestId('attempt-result')).toBeVisible();
  await expect(page.getByRole('textbox', { name: /Your answer/ })).toHaveValue(/Blue-green keeps two environments/);
});

test('the address keeps naming the attempt after it is graded, so a reload comes back to it', async ({ page }) => {
  await signIn(page, createAccount(), WRITTEN);
  await answerWritten(page, ANSWER);
  // The panel refreshes its server-rendered parts once graded; the address must survive that.
  await expect(page.getByTestId('attempt-history').getByRole('listitem')).toHaveCount(1);
  await expect(page).toHaveURL(/\?attempt=[0-9a-f-]{36}$/);
  const id = new URL(page.url()).searchParams.get('attempt');
  await page.reload();
  await expect(page).toHaveURL(new RegExp(`\\?attempt=${id}$`));
  await expect(page.getByTestId('attempt-result')).toBeVisible();
});

test('reloading while an attempt is still grading keeps following it and shows the result', async ({ page }) => {
  await signIn(page, createAccount(), BASH);
  // A correct script that takes its time: scenarios run side by side, so each waits 3 s (under
  // their 5 s limit) to keep the grading going while the page reloads. The real sleep, by its
  // path: the harness's own `sleep` returns at once (a grading of the plain script is over in a
  // few hundred milliseconds, sooner than the reload).
  const slow = GOOD_SCRIPT.replace('#!/bin/bash\n', '#!/bin/bash\n/usr/bin/sleep 3\n');
  const editor = page.getByTestId('code-editor').locator('.cm-content');
  await editor.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(slow);
  await page.getByRole('button', { name: 'Submit answer' }).click();
  await expect(page).toHaveURL(/\?attempt=[0-9a-f-]{36}$/);

  await page.reload();
  await expect(page.getByTestId('attempt-pending')).toBeVisible();
  await expect(page.getByTestId('attempt-status')).toHaveText('Passed', { timeout: 45_000 });
  await expect(page.getByTestId('attempt-score')).toHaveText('100');
  await expect(page.getByTestId('code-editor')).toContainText('sleep 3');
});

test('an unsent draft is kept per question across a reload, and leaving with it asks first', async ({ page }) => {
  await signIn(page, createAccount(), WRITTEN);
  await page.getByLabel(/Your answer/).fill('My unsent draft about canaries');
  await page.reload();
  await expect(page.getByLabel(/Your answer/)).toHaveValue('My unsent draft about canaries');

  // Closing the tab (or leaving) with unsent text asks first; dismissing keeps the candidate here.
  await page.getByLabel(/Your answer/).press('End');
  await page.keyboard.type('.');
  const dialog = page.waitForEvent('dialog');
  await page.close({ runBeforeUnload: true });
  const prompt = await dialog;
  expect(prompt.type()).toBe('beforeunload');
  await prompt.dismiss();
  await expect(page.getByLabel(/Your answer/)).toHaveValue('My unsent draft about canaries.');
});

test('hints come one at a time and the model answer only on request, after a graded attempt', async ({ page }) => {
  await signIn(page, createAccount(), WRITTEN);
  await expect(page.getByRole('button', { name: 'Show the model answer' })).toHaveCount(0);
  await answerWritten(page, ANSWER);
  await expect(page.getByTestId('model-answer')).toHaveCount(0);

  await page.getByRole('button', { name: 'Show a hint' }).click();
  await expect(page.getByTestId('hints').getByRole('listitem')).toHaveCount(1);
  await page.getByRole('button', { name: /Show another hint/ }).click();
  await expect(page.getByTestId('hints').getByRole('listitem')).toHaveCount(2);
  // The last hint's button goes away: focus moves to that hint, not to <body>.
  const more = page.getByRole('button', { name: /Show another hint/ });
  let opened = 2;
  for (; (await more.count()) > 0; opened++) {
    await more.click();
    await expect(page.getByTestId('hints').getByRole('listitem')).toHaveCount(opened + 1);
  }
  await expect(page.getByTestId('hints').getByRole('listitem').last()).toBeFocused();

  await page.getByRole('button', { name: 'Show the model answer' }).click();
  await expect(page.getByTestId('model-answer')).toContainText(/canary/i);
  await expect(page.getByRole('heading', { name: 'Model answer' })).toBeFocused();
  // The hints already opened stay beside it.
  await expect(page.getByTestId('hints').getByRole('listitem')).toHaveCount(opened);
  // Recorded: it stays revealed after a reload.
  await page.reload();
  await expect(page.getByTestId('model-answer')).toContainText(/canary/i);
});

test('a submit the server refuses moves focus to its message, since the button was disabled while sending', async ({ page }) => {
  await signIn(page, createAccount(), WRITTEN);
  await page.route('**/api/attempts', (route) =>
    route.request().method() === 'POST'
      ? route.fulfill({ status: 429, contentType: 'application/json', body: JSON.stringify({ error: 'Too many attempts. Try again in 30 seconds.' }) })
      : route.continue(),
  );
  await page.getByLabel(/Your answer/).fill(ANSWER);
  await page.getByRole('button', { name: 'Submit answer' }).click();
  const alert = page.getByRole('alert').filter({ hasText: 'Too many attempts. Try again in 30 seconds.' });
  await expect(alert).toBeFocused();
});

test('keyboard only: Ctrl+Enter submits, focus moves to the result and the score is announced', async ({ page }) => {
  await signIn(page, createAccount(), WRITTEN);
  const announcer = page.getByTestId('attempt-announcer');
  await page.getByLabel(/Your answer/).focus();
  await page.keyboard.insertText(ANSWER);
  await page.keyboard.press('Control+Enter');

  const heading = page.getByRole('heading', { name: 'Your result' });
  await expect(heading).toBeFocused({ timeout: 20_000 });
  const score = await page.getByTestId('attempt-score').textContent();
  await expect(announcer).toHaveText(new RegExp(`^Graded: (Passed|Not yet)\\. Score ${score} out of 100\\.$`));
  // Through the accessibility tree: a polite status region carrying the score.
  const snapshot = await page.locator('body').ariaSnapshot();
  expect(snapshot).toMatch(new RegExp(`- status: "?Graded: (Passed|Not yet)\\. Score ${score} out of 100\\."?`));
  expect(await page.getByTestId('attempt-announcer').getAttribute('aria-live')).toBe('polite');
});

test('in the code editor Ctrl+Enter submits too, and the way out of the editor is said', async ({ page }) => {
  await signIn(page, createAccount(), BASH);
  const editor = page.getByTestId('code-editor').locator('.cm-content');
  await expect(editor).toHaveAccessibleDescription(/To leave it, press Escape, then Tab\. Ctrl\+Enter submits\./);
  // Keyboard help is for keyboards: on a phone-sized screen it is not shown, yet it still
  // describes the editor to a screen reader.
  const hints = [page.getByText(/Ctrl\+Enter submits\./), page.getByText('or press Ctrl+Enter to submit')];
  for (const hint of hints) await expect(hint).toBeVisible();
  await page.setViewportSize({ width: 390, height: 844 });
  for (const hint of hints) await expect(hint).toBeHidden();
  await expect(editor).toHaveAccessibleDescription(/To leave it, press Escape, then Tab/);
  await page.setViewportSize({ width: 1280, height: 720 });
  await editor.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(GOOD_SCRIPT);
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('heading', { name: 'Your result' })).toBeFocused({ timeout: 30_000 });
  await expect(page.getByTestId('attempt-status')).toHaveText('Passed');
});

test.describe('on a Mac', () => {
  test.use({ userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36' });
  test('the hint names Cmd+Enter, and Cmd+Enter submits', async ({ page }) => {
    await signIn(page, createAccount(), WRITTEN);
    await expect(page.getByText('or press Cmd+Enter to submit')).toBeVisible();
    await expect(page.getByText(/Ctrl\+Enter/)).toHaveCount(0);
    await page.getByLabel(/Your answer/).fill(ANSWER);
    await page.keyboard.press('Meta+Enter');
    await expect(page.getByRole('heading', { name: 'Your result' })).toBeFocused({ timeout: 20_000 });
  });
});
