// At 375px wide an admin table scrolls inside its own box; the page itself never scrolls sideways.
// The sr-only "Actions" header (absolutely positioned) escaped a wrapper that was not `relative`
// and widened the document to 530px on /admin/topics.
import { expect, test } from '@playwright/test';
import { createAccount, signIn } from './support/accounts';

test('admin tables at 375px wide do not make the page scroll sideways', async ({ page }) => {
  await signIn(page, createAccount('admin'), '/admin/topics');
  await page.setViewportSize({ width: 375, height: 800 });
  for (const path of ['/admin/topics', '/admin/users']) {
    await page.goto(path);
    await expect(page.getByRole('table')).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(375);
  }
});
