// Deleting an account with the confirmation box left empty says what to do in a sentence, on the
// box: the form showed the API's "confirm: Type your email address to confirm." (the field's name
// prefixed for API clients) instead of the field's own message.
import { expect, test } from '@playwright/test';
import { createAccount, signIn } from './support/accounts';

test('an empty confirmation shows the field message, tied to the box', async ({ page }) => {
  await signIn(page, createAccount(), '/account');
  await page.getByRole('button', { name: 'Delete my account' }).click();
  const alert = page.locator('form').getByRole('alert');
  await expect(alert).toHaveText('Type your email address to confirm.');
  const box = page.getByLabel(/Type your email address/);
  await expect(box).toHaveAttribute('aria-invalid', 'true');
  await expect(box).toHaveAccessibleDescription('Type your email address to confirm.');
  // Still signed in: nothing was deleted.
  await expect(page.getByTestId('signed-in-as')).toBeVisible();
});
