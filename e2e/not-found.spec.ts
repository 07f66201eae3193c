// A 404 page names itself in the browser tab, not with the home page's title.
import { expect, test } from '@playwright/test';

test('a missing page is titled "Page not found · Rehearse"', async ({ page }) => {
  expect((await page.goto('/no-such-page'))!.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await expect(page).toHaveTitle('Page not found · Rehearse');
});
