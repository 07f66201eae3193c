// A 404 page names itself in the browser tab, not with the home page's title, nor with the title
// of the admin page that found nothing to show.
import { expect, test } from '@playwright/test';
import { createAccount, signIn } from './support/accounts';

test('a missing page is titled "Page not found · Rehearse"', async ({ page }) => {
  expect((await page.goto('/no-such-page'))!.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await expect(page).toHaveTitle('Page not found · Rehearse');
});

test('an admin page for a record that is not there is titled "… not found", one that is keeps its title', async ({ page }) => {
  await signIn(page, createAccount('admin'), '/admin/topics');
  const missing: [string, string][] = [
    [`/admin/questions/${crypto.randomUUID()}`, 'Question not found · Admin · Rehearse'],
    ['/admin/questions/not-an-id', 'Question not found · Admin · Rehearse'],
    [`/admin/topics/${crypto.randomUUID()}`, 'Topic not found · Admin · Rehearse'],
    [`/admin/attempts/${crypto.randomUUID()}`, 'Judged attempt not found · Admin · Rehearse'],
  ];
  for (const [url, title] of missing) {
    expect((await page.goto(url))!.status(), url).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
    await expect(page, url).toHaveTitle(title);
  }
  // A seeded topic is there: its page keeps its own title.
  await page.goto('/admin/topics');
  await page.getByRole('table').getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Edit topic' })).toBeVisible();
  await expect(page).toHaveTitle('Edit topic · Admin · Rehearse');
});
