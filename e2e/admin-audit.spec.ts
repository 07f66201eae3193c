// The audit log reads as sentences with a field-by-field diff, names topics by their names and
// fields by their labels, filters by who, entity and action, and fits a phone screen without
// sideways scrolling.
import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { createAccount, signIn } from './support/accounts';

test('an admin reads an edit as a sentence with its diff, filtered by action, on a small screen', async ({ page }) => {
  test.setTimeout(180_000);
  const admin = createAccount('admin');
  await signIn(page, admin, '/admin/topics');
  const slug = `audited-${randomUUID().slice(0, 6)}`;
  await page.getByLabel('Name', { exact: true }).fill('Audited topic');
  await page.getByLabel(/^Slug/).fill(slug);
  await page.getByLabel('Description', { exact: true }).fill('Before the edit.');
  await page.getByRole('button', { name: 'Create topic' }).click();
  await expect(page).toHaveURL(/\/admin\/topics\/[0-9a-f-]{36}$/);
  const topicUrl = page.url();
  await page.getByLabel('Name', { exact: true }).fill('Audited topic, renamed');
  await page.getByRole('button', { name: 'Save topic' }).click();
  await expect(page.getByRole('status')).toHaveText('Topic saved.');

  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto(`/admin/audit?actor=${encodeURIComponent(admin.email)}`);
  await page.getByLabel('Action').selectOption('topic.update');
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(/action=topic.update/);
  const entries = page.getByTestId('audit-entry');
  await expect(entries).toHaveCount(1);
  // The topic by its name (the entry stores its slug), its fields by label.
  await expect(entries.first()).toContainText(`${admin.email} edited the topic “Audited topic, renamed”.`);
  const diff = entries.first().getByRole('table', { name: 'What changed' });
  await expect(diff.getByRole('row', { name: /^Name / })).toContainText('Audited topic');
  await expect(diff.getByRole('row', { name: /^Name / })).toContainText('Audited topic, renamed');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);

  // Clean up: the topic leaves the bank (soft delete).
  await page.goto(topicUrl);
  page.once('dialog', (dialog) => dialog.accept());
  await page.getByRole('button', { name: 'Delete topic' }).click();
  await expect(page).toHaveURL(/\/admin\/topics$/);
});
