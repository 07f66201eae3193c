import { expect, test } from '@playwright/test';
import { createAccount, signIn } from './support/accounts';
import { E2E_PREVIEW_QUESTION_COUNT } from './support/test-server';

const TOPIC = '/topics/production-deployments-and-operations';
const SEEDED = [
  ['Easy', 39, /^Explain canary releases/],
  ['Easy', 41, /^Write a Bash script/],
  ['Medium', 40, /^Write a Python function compare_manifests/],
  ['Easy', 51, /^Describe what feature flags/],
  ['Easy', 39, /^As a software engineer, explain the difference/],
] as const;

test('a visitor browses from the home page to a topic and sees the preview', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('production-operations interviews');
  const topicLink = page.getByRole('link', { name: /Production Deployments and Operations/ });
  await expect(topicLink).toContainText('5 questions');
  await topicLink.click();

  await expect(page).toHaveURL(new RegExp(`${TOPIC}$`));
  await expect(page.getByRole('heading', { level: 1, name: 'Production Deployments and Operations Questions' })).toBeVisible();
  await expect(page.getByText(/^Covers the end to end practices/)).toBeVisible();
  await expect(page.getByRole('list', { name: 'Questions' }).getByRole('listitem')).toHaveCount(E2E_PREVIEW_QUESTION_COUNT);
  await expect(page.getByTestId('sign-in-gate')).toContainText('Unlock the full question bank — sign in to continue');
  await expect(page.getByTestId('sign-in-gate')).toContainText('2 more questions');
});

test('a signed-in candidate sees all five seed questions with difficulty and counts, and opens one', async ({ page }) => {
  await signIn(page, createAccount(), TOPIC);
  await expect(page).toHaveURL(new RegExp(`${TOPIC}$`));
  const questions = page.getByRole('list', { name: 'Questions' }).getByRole('listitem');
  await expect(questions).toHaveCount(5);
  // Journeys that ran earlier practised some of these questions, so a count is the seed's figure
  // plus what was graded since: the page must show exactly what the database holds now.
  const api = await page.request.get(`/api/questions?topic=${TOPIC.split('/').pop()}`);
  const { questions: listed } = (await api.json()) as { questions: { practiceCount: number }[] };
  for (const [i, [difficulty, seeded, prompt]] of SEEDED.entries()) {
    const item = questions.nth(i);
    await expect(item).toContainText(difficulty);
    await expect(item).toContainText('Technical');
    expect(listed[i]!.practiceCount).toBeGreaterThanOrEqual(seeded);
    await expect(item.getByTestId('practice-count')).toHaveText(`${listed[i]!.practiceCount} practiced`);
    await expect(item.getByRole('link')).toHaveText(prompt);
  }
  await expect(page.getByTestId('sign-in-gate')).toHaveCount(0);

  await questions.nth(1).getByRole('link').click();
  await expect(page).toHaveURL(/\/questions\/write-bash-script-pulls-specified-docker$/);
  await expect(page.getByTestId('question-prompt')).toContainText('pulls a specified Docker image');
  await expect(page.getByText('Bash script', { exact: true })).toBeVisible();
});

test('the JSON API lists topics and questions and rejects a bad query with a clear 400', async ({ request }) => {
  const topics = await request.get('/api/topics');
  expect(topics.status()).toBe(200);
  const { topics: list } = await topics.json();
  // The seed topic among the seed topics of seeds/topics.
  expect(list).toContainEqual(expect.objectContaining({ slug: 'production-deployments-and-operations', questionCount: 5 }));

  const questions = await request.get('/api/questions?topic=production-deployments-and-operations');
  expect(await questions.json()).toMatchObject({ total: 5, locked: 2, questions: expect.any(Array) });

  const bad = await request.get('/api/questions?topic=Not%20A%20Slug!');
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error).toMatch(/topic: A slug uses lower-case letters/);

  const missing = await request.get('/api/questions?topic=no-such-topic');
  expect(missing.status()).toBe(404);
});
