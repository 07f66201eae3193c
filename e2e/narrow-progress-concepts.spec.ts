// On a 390 px phone, the progress page's concept table fits the screen: its questions column was
// hidden off the right edge of a sideways-scrolling region, so each row showed a concept and its
// count but not which question it came from.
import { expect, test } from '@playwright/test';
import { createAccount, signIn } from './support/accounts';

test.use({ viewport: { width: 390, height: 844 } });

test('the concept table shows every column within a phone screen', async ({ page }) => {
  await signIn(page, createAccount(), '/questions/python-kubernetes-rollout-state');
  // Starter code raises: the attempt is graded (every scenario missed) and listed by concept.
  await page.getByRole('button', { name: 'Submit answer' }).click();
  await expect(page.getByTestId('attempt-status')).toBeVisible({ timeout: 60_000 });
  await page.goto('/progress');
  const region = page.getByRole('region', { name: 'Concepts and scenarios' });
  await expect(region.getByRole('link').first()).toBeVisible();
  expect(await region.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
  const link = region.getByRole('link').first();
  const box = (await link.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(390);
});
