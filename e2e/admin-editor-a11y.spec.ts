// The question editor's structure for assistive technology: buttons whose accessible name starts
// with their visible text (voice control: "click Add claim"), one "Versions" region, and headings
// that do not skip a level (h2 section, h3 per concept or sample).
import { expect, test } from '@playwright/test';
import { createAccount, signIn } from './support/accounts';

test('the editor of a written question: names, one Versions region, no skipped heading level', async ({ page }) => {
  await signIn(page, createAccount('admin'), '/admin/questions?kind=WRITTEN');
  await page.getByTestId('admin-question-list').getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Edit question' })).toBeVisible();

  await expect(page.getByRole('button', { name: 'Add claim to concept 1', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add misconception to concept 1', exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { level: 3, name: 'Concept 1', exact: true })).toBeVisible();

  await expect(page.getByRole('region', { name: 'Versions' })).toHaveCount(1);
  await expect(page.getByTestId('versions-table')).toBeVisible();

  const levels = await page.locator('main').evaluate((main) => [...main.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => Number(h.tagName[1])));
  levels.forEach((level, i) => {
    if (i > 0) expect(level - levels[i - 1]!, `heading ${i} (h${level}) after h${levels[i - 1]}`).toBeLessThanOrEqual(1);
  });
});
