// Finish warns of a written answer too short to be graded, as it warns of a blank one: both score 0.
// A two-word answer went through without a word, and the report said "Too short to grade".
import { expect, test, type Page } from '@playwright/test';
import { createAccount, signIn } from './support/accounts';

const LONG = 'A canary release sends a small share of production traffic to the new version while the rest stays on the old one; we compare error rates and latency and roll back if it looks worse.';

// Answers the current question: code gets a line added to its starter; the first written question
// met gets `short`, the others a full answer. Returns whether it wrote `short`.
async function answer(page: Page, short: string | null): Promise<boolean> {
  const written = page.getByLabel(/Your answer to question/);
  if (await written.count()) {
    await written.fill(short ?? LONG);
    return short !== null;
  }
  await page.getByTestId('code-editor').locator('.cm-content').click();
  await page.keyboard.press('Control+End');
  await page.keyboard.insertText('\n# answered\n');
  return false;
}

test('Finish names a written answer under the minimum, and Keep answering goes to it', async ({ page }) => {
  await signIn(page, createAccount(), '/mock');
  await page.getByLabel('Topic').selectOption({ index: 0 });
  await page.getByLabel('Short: 3 questions in 15 minutes').check();
  await page.getByRole('button', { name: 'Start the mock interview' }).click();
  let shortOne = 0;
  for (let i = 1; i <= 3; i++) {
    await expect(page.getByRole('heading', { name: new RegExp(`^Question ${i} of 3`) })).toBeVisible();
    if (await answer(page, shortOne ? null : 'too short')) shortOne = i;
    if (i < 3) await page.getByRole('button', { name: 'Next question' }).click();
  }
  test.skip(shortOne === 0, 'this draw had no written question');
  await page.getByRole('button', { name: 'Finish and get my report' }).click();
  const confirm = page.getByTestId('mock-finish-confirm');
  await expect(confirm.locator('#mock-finish-warning')).toHaveText(`1 answer is too short to be graded (under 20 words) and will score 0: question ${shortOne}. Finish anyway?`);
  await confirm.getByRole('button', { name: 'Keep answering' }).click();
  await expect(page.getByRole('heading', { name: new RegExp(`^Question ${shortOne} of 3`) })).toBeFocused();
  await expect(page.getByTestId('mock-report')).toHaveCount(0);
});
