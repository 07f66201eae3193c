// A slug another topic already uses: the save is refused with the reason, and the Slug field
// itself is marked (and focused), as a slug that is not valid is; it was named only in the alert.
import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { createAccount, signIn } from './support/accounts';

test('creating a topic with a slug in use marks the slug field', async ({ page }) => {
  await signIn(page, createAccount('admin'), '/admin/topics');
  const slug = `in-use-${randomUUID().slice(0, 6)}`;
  await page.getByLabel('Name').fill(`In use ${slug}`);
  await page.getByLabel(/^Slug/).fill(slug);
  await page.getByLabel('Description').fill('The first one.');
  await page.getByRole('button', { name: 'Create topic' }).click();
  await expect(page).toHaveURL(/\/admin\/topics\/[0-9a-f-]{36}$/);

  await page.goto('/admin/topics');
  await page.getByLabel('Name').fill(`Again ${slug}`);
  await page.getByLabel(/^Slug/).fill(slug);
  await page.getByLabel('Description').fill('The second one.');
  await page.getByRole('button', { name: 'Create topic' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'already uses the slug' })).toContainText(`Another topic (perhaps a deleted one) already uses the slug "${slug}". Choose another.`);
  const field = page.getByLabel(/^Slug/);
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toHaveAccessibleDescription(/Already used by another topic\./);
  await expect(field).toBeFocused();
});
