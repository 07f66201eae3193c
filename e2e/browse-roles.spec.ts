import { expect, test } from '@playwright/test';
import { createAccount, signIn } from './support/accounts';

const ANSWER = `A plain rename breaks the old code that is still running during the rolling deploy, so I would use expand and contract.
First add the new column next to the old one, then deploy code that writes to both columns, and backfill the existing rows in small batches.
Then switch reads to the new column while still writing both, and only in a later release stop writing the old column and drop it.`;

test('a candidate goes from a role to a topic to a new question and gets a graded answer', async ({ page }) => {
  await signIn(page, createAccount(), '/');

  // Home leads to roles and categories.
  await expect(page.getByRole('list', { name: 'Categories' }).getByRole('link', { name: /^Delivery and Infrastructure/ })).toBeVisible();
  await page.getByRole('list', { name: 'Roles' }).getByRole('link', { name: /^Software Engineer/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Software Engineer interview questions');

  // The role's topics, grouped by category; the seed topic is there too.
  await expect(page.getByRole('link', { name: /^Production Deployments and Operations/ })).toBeVisible();
  await page.getByRole('link', { name: /^Database Migrations/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Database Migrations Questions');
  await expect(page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'Delivery and Infrastructure' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Software Engineer' })).toBeVisible();

  // Each question shows its difficulty, type and practice count.
  const questions = page.getByRole('list', { name: 'Questions' }).getByRole('listitem');
  // seeds/topics/database-migrations.json: five written questions and one Python kit question.
  await expect(questions).toHaveCount(6);
  const item = questions.filter({ hasText: 'expand-and-contract' });
  await expect(item).toContainText('Difficulty: Medium');
  await expect(item).toContainText('Type: Technical');
  const count = item.getByTestId('practice-count');
  const before = Number((await count.textContent())!.replace(/\D/g, ''));
  await item.getByRole('link').click();

  // The question's trail is the topic's, one step further.
  const trail = page.getByRole('navigation', { name: 'Breadcrumb' });
  await expect(trail.getByRole('link', { name: 'Delivery and Infrastructure' })).toBeVisible();
  await expect(trail.getByRole('link', { name: 'Database Migrations' })).toBeVisible();

  await page.getByLabel(/Your answer/).fill(ANSWER);
  await page.getByRole('button', { name: 'Submit answer' }).click();
  await expect(page.getByTestId('attempt-result')).toBeVisible({ timeout: 20_000 });
  const score = Number(await page.getByTestId('attempt-score').textContent());
  expect(score).toBeGreaterThan(40);
  await expect(page.getByTestId('covered-concepts').getByTestId('check').first()).toBeVisible();
  await expect(page.getByTestId('practice-count')).toHaveText(`${before + 1} practiced`);
});

test('an unknown role or category is a 404 page', async ({ page }) => {
  expect((await page.goto('/roles/astronaut'))!.status()).toBe(404);
  expect((await page.goto('/categories/astrology'))!.status()).toBe(404);
});
