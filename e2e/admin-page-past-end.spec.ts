// A list page past its end (an old bookmark, a hand-edited address, entries deleted since) used to
// show "Page 99 of 3" over an empty list that said "No questions match these filters." (they did
// match, on other pages), or, in the audit log and users list, nothing at all under the count and
// no way on. Now it says there is no such page and links to the last one.
import { expect, test } from '@playwright/test';
import { createAccount, signIn } from './support/accounts';

test('a page past the end says so and links to the last page', async ({ page }) => {
  const admin = createAccount('admin');
  await signIn(page, admin, '/admin/questions?page=999');

  const pages = page.getByRole('navigation', { name: 'Pages' });
  await expect(pages).toContainText(/There is no page 999: the list has \d+ pages\./);
  await expect(page.getByText('No questions match these filters.')).toHaveCount(0);
  await expect(page.getByText('Page 999 of')).toHaveCount(0);
  const last = pages.getByRole('link', { name: /^Go to page \d+, the last$/ });
  const lastPage = Number((await last.textContent())!.match(/\d+/)![0]);
  await last.click();
  await expect(page).toHaveURL(new RegExp(`page=${lastPage}$`));
  await expect(page.getByTestId('admin-question-list').getByRole('listitem').first()).toBeVisible();
  await expect(pages).toContainText(`Page ${lastPage} of ${lastPage}`);
  await expect(page.getByTestId('question-total')).toBeFocused();

  // Filters that match nothing still say so.
  await page.goto('/admin/questions?q=no-such-question-anywhere-zz');
  await expect(page.getByText('No questions match these filters.')).toBeVisible();

  // The audit log and the users list: past the end, a way back to the last page (the first, when
  // everything fits on one).
  for (const [path, total] of [['/admin/audit?page=90', 'audit-total'], ['/admin/users?page=90', 'users-total']] as const) {
    await page.goto(path);
    await expect(pages).toContainText(/There is no page 90: (everything fits on one page|the list has \d+ pages)\./);
    const back = pages.getByRole('link', { name: /^(Go to the list|Go to page \d+, the last)$/ });
    const target = (await back.textContent())!.match(/\d+/)?.[0] ?? '1';
    await back.click();
    await expect(page).toHaveURL(new RegExp(`page=${target}$`));
    await expect(page.locator(`#${total}`)).toBeFocused();
  }
  await expect(page.getByTestId('user-row').first()).toBeVisible();

  // The one-page wording, where the list is short for sure: a search that finds one account.
  await page.goto(`/admin/users?q=${encodeURIComponent(admin.email)}&page=90`);
  await expect(pages).toContainText('There is no page 90: everything fits on one page.');
  await pages.getByRole('link', { name: 'Go to the list' }).click();
  await expect(page.getByTestId('user-row')).toHaveCount(1);
});
