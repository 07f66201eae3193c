// On a 390 px phone, a code question whose brief has a wide table of examples (rollout_state)
// stays within the screen: the table scrolls sideways in its own region, the page does not.
import { expect, test } from '@playwright/test';
import { createAccount, signIn } from './support/accounts';

test.use({ viewport: { width: 390, height: 844 } });

test('a brief with a wide table does not widen the question page on a phone', async ({ page }) => {
  await signIn(page, createAccount(), '/questions/python-kubernetes-rollout-state');
  const brief = page.getByTestId('contract-brief');
  await expect(brief.getByRole('table')).toBeVisible();
  const widths = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, screen: document.documentElement.clientWidth }));
  expect(widths.page).toBeLessThanOrEqual(widths.screen);
  // The table scrolls in its own region, which a keyboard can reach.
  const region = brief.getByRole('region', { name: 'Table' });
  await expect(region).toHaveAttribute('tabindex', '0');
  expect(await region.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
});
