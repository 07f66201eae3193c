// The recall ratings say what they mean on the page, and each button is described by its meaning
// (it was only a `title` tooltip, out of reach of keyboards, touch screens and screen readers).
import { expect, test } from '@playwright/test';
import { createAccount, signIn } from './support/accounts';

const ANSWER =
  'A canary release sends a small share of production traffic to the new version while the rest stays on the old one; we compare error rates and latency and roll back if it looks worse.';

test('each recall button is described by its visible meaning', async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page, createAccount(), '/questions/explain-canary-releases-contrast-blue-green');
  await page.getByLabel(/Your answer/).fill(ANSWER);
  await page.getByRole('button', { name: 'Submit answer' }).click();
  await expect(page.getByTestId('attempt-result')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('recall-hints')).toBeVisible();
  await expect(page.getByTestId('recall-hints')).toHaveText('Again: could not recall it. · Hard: recalled with effort. · Good: recalled it. · Easy: knew it cold.');
  for (const [name, meaning] of [
    ['Again', 'Again: could not recall it.'],
    ['Hard', 'Hard: recalled with effort.'],
    ['Good', 'Good: recalled it.'],
    ['Easy', 'Easy: knew it cold.'],
  ] as const) {
    const button = page.getByRole('button', { name, exact: true });
    await expect(button).toHaveAccessibleDescription(meaning);
    await expect(button).not.toHaveAttribute('title');
  }
});
