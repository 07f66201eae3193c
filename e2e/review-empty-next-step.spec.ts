// A new candidate's Review page said only "Nothing is due today.": no word on how a question gets
// there, and no way on but the header. It now says so and links to the question bank.
import { expect, test } from '@playwright/test';
import { createAccount, signIn } from './support/accounts';

test('an empty review queue says how questions arrive and leads to the question bank', async ({ page }) => {
  await signIn(page, createAccount(), '/review');
  await expect(page.getByTestId('review-empty')).toHaveText('Nothing is due today.');
  await expect(page.getByTestId('review-next')).toHaveText(
    'Nothing is scheduled yet: answer a question, rate how well you recalled it, and it comes back here when it is due. Browse the question bank',
  );
  await page.getByRole('main').getByRole('link', { name: 'Browse the question bank' }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});
