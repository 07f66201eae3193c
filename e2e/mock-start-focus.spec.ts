// Starting a mock interview replaces the form, and the button just pressed, with the interview:
// the first question's heading takes focus (as the report's heading does on Finish). Focus fell to
// <body>, so a keyboard or screen-reader user heard nothing as the clock started.
import { expect, test } from '@playwright/test';
import { createAccount, signIn } from './support/accounts';

test('Start, from the keyboard, moves focus to the first question of the interview', async ({ page }) => {
  await signIn(page, createAccount(), '/mock');
  await page.getByLabel('Topic').selectOption({ index: 0 });
  await page.getByLabel('Short: 3 questions in 15 minutes').check();
  await page.getByRole('button', { name: 'Start the mock interview' }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/mock\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 2, name: /^Question 1 of 3/ })).toBeFocused();
  // Moving between questions keeps doing what it did.
  await page.getByRole('button', { name: 'Next question' }).click();
  await expect(page.getByRole('heading', { level: 2, name: /^Question 2 of 3/ })).toBeFocused();
});
