import { expect, test } from '@playwright/test';

test('a visitor browses from the home page to a topic and opens a question', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('production-operations interviews');
  const topicLink = page.getByRole('link', { name: /Production Deployments and Operations/ });
  await expect(topicLink).toContainText('5 questions');
  await topicLink.click();

  await expect(page).toHaveURL(/\/topics\/production-deployments-and-operations$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Production Deployments and Operations Questions' })).toBeVisible();
  await expect(page.getByText(/^Covers the end to end practices/)).toBeVisible();

  const questions = page.getByRole('list', { name: 'Questions' }).getByRole('listitem');
  await expect(questions).toHaveCount(5);
  const expected = [
    ['Easy', 39, /^Explain canary releases/],
    ['Easy', 41, /^Write a Bash script/],
    ['Medium', 40, /^Write a Python function compare_manifests/],
    ['Easy', 51, /^Describe what feature flags/],
    ['Easy', 39, /^As a software engineer, explain the difference/],
  ] as const;
  for (const [i, [difficulty, count, prompt]] of expected.entries()) {
    const item = questions.nth(i);
    await expect(item).toContainText(difficulty);
    await expect(item).toContainText('Technical');
    await expect(item.getByTestId('practice-count')).toHaveText(`${count} practiced`);
    await expect(item.getByRole('link')).toHaveText(prompt);
  }

  await questions.nth(1).getByRole('link').click();
  await expect(page).toHaveURL(/\/questions\/write-bash-script-pulls-specified-docker$/);
  await expect(page.getByTestId('question-prompt')).toContainText('pulls a specified Docker image');
  await expect(page.getByText('Bash script', { exact: true })).toBeVisible();
});

test('the JSON API lists topics and questions and rejects a bad query with a clear 400', async ({ request }) => {
  const topics = await request.get('/api/topics');
  expect(topics.status()).toBe(200);
  const { topics: list } = await topics.json();
  expect(list).toEqual([expect.objectContaining({ slug: 'production-deployments-and-operations', questionCount: 5 })]);

  const bad = await request.get('/api/questions?topic=Not%20A%20Slug!');
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error).toMatch(/topic: A slug uses lower-case letters/);

  const missing = await request.get('/api/questions?topic=no-such-topic');
  expect(missing.status()).toBe(404);
});
