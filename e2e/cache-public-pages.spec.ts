// The public pages are served from a cache (docs/decisions/017), and still change when their
// content does: an admin's edit, unpublish and publish reach the anonymous question and topic
// pages within 5 s, and so does a practice count that the grading worker (another process)
// changes. Each wait starts when the change is committed and allows 5 s, polling like a reader
// pressing reload.
import { randomUUID } from 'node:crypto';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { createAccount, signIn } from './support/accounts';

const TOPIC = 'production-deployments-and-operations';
const WITHIN_MS = 5_000;
const ANSWER =
  'I would ship the change behind a canary: route a small share of traffic to the new version, compare its error rate and latency with the old one on the dashboards, widen the share step by step, and roll back at once if it looks worse.';

type Listed = { id: string; slug: string; prompt: string; answerKind: string; practiceCount: number };

async function previewQuestions(request: APIRequestContext): Promise<Listed[]> {
  const response = await request.get(`/api/questions?topic=${TOPIC}`);
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { questions: Listed[] }).questions;
}

// Polls an anonymous GET until `check` holds; returns how long that took after `since`.
async function reachesWithin(request: APIRequestContext, path: string, check: (status: number, html: string) => boolean, since: number): Promise<number> {
  await expect
    .poll(
      async () => {
        const response = await request.get(path, { maxRedirects: 0 });
        return check(response.status(), await response.text());
      },
      { timeout: WITHIN_MS, intervals: [100, 200, 250] },
    )
    .toBe(true);
  return Date.now() - since;
}

test('an admin edit, unpublish and publish reach the cached public pages within 5 s', async ({ page, playwright, baseURL }) => {
  test.setTimeout(120_000);
  const anonymous = await playwright.request.newContext({ baseURL });
  const [question] = await previewQuestions(anonymous);
  expect(question).toBeDefined();
  const { id, slug, prompt } = question!;
  const questionPath = `/questions/${slug}`;
  // Fill the cache first, so the change has to replace a cached copy.
  for (let i = 0; i < 2; i++) {
    const response = await anonymous.get(questionPath);
    expect(response.status()).toBe(200);
    expect(response.headers()['cache-control']).toMatch(/^public, .*s-maxage=2/);
  }
  await anonymous.get(`/topics/${TOPIC}`);

  await signIn(page, createAccount('admin'), `/admin/questions/${id}`);
  const token = `cached-${randomUUID().slice(0, 6)}`;
  const edited = `${prompt.trimEnd()} (${token})`;
  const promptField = page.getByLabel('Prompt (Markdown)', { exact: true });
  await promptField.fill(edited);
  await page.getByRole('button', { name: 'Save question' }).click();
  await expect(page.getByText('Question saved.')).toBeVisible();
  const saved = Date.now();
  try {
    const questionLag = await reachesWithin(anonymous, questionPath, (status, html) => status === 200 && html.includes(token), saved);
    const topicLag = await reachesWithin(anonymous, `/topics/${TOPIC}`, (status, html) => html.includes(token), saved);
    test.info().annotations.push({ type: 'lag', description: `prompt edit: question page ${questionLag} ms, topic page ${topicLag} ms` });

    // Unpublished: gone from the public page. Published again through the API: back.
    await page.getByRole('button', { name: 'Unpublish', exact: true }).click();
    await expect(page.getByText('Unpublished: candidates no longer see this question.')).toBeVisible();
    await reachesWithin(anonymous, questionPath, (status) => status === 404, Date.now());
    const published = await page.request.post(`/api/admin/questions/${id}/publish`, { headers: { origin: new URL(page.url()).origin } });
    expect(published.status()).toBe(200);
    await reachesWithin(anonymous, questionPath, (status, html) => status === 200 && html.includes(token), Date.now());
  } finally {
    // Put the seeded prompt back for the other journeys.
    await page.goto(`/admin/questions/${id}`);
    await promptField.fill(prompt);
    await page.getByRole('button', { name: 'Save question' }).click();
    await expect(page.getByText('Question saved.')).toBeVisible();
    await anonymous.dispose();
  }
});

test('a practice count recorded by the grading worker reaches the cached question and topic pages within 5 s', async ({ page, playwright, baseURL }) => {
  test.setTimeout(120_000);
  const anonymous = await playwright.request.newContext({ baseURL });
  const question = (await previewQuestions(anonymous)).find((q) => q.answerKind === 'WRITTEN');
  expect(question, 'a written question in the preview').toBeDefined();
  const { id, slug } = question!;
  const questionPath = `/questions/${slug}`;
  const countOf = (html: string) => Number(/data-testid="practice-count"[^>]*>([\d,]+)(?:<!-- -->)? practiced/.exec(html)?.[1]?.replaceAll(',', '') ?? NaN);
  const before = countOf(await (await anonymous.get(questionPath)).text());
  expect(before).toBeGreaterThanOrEqual(0);

  // A new candidate's first graded written answer counts once.
  await signIn(page, createAccount('candidate'), questionPath);
  const origin = new URL(page.url()).origin;
  const created = await page.request.post('/api/attempts', { headers: { origin }, data: { questionId: id, answer: ANSWER } });
  expect(created.status()).toBe(202);
  const { id: attemptId } = (await created.json()) as { id: string };
  await expect
    .poll(async () => ((await (await page.request.get(`/api/attempts/${attemptId}?wait=20`)).json()) as { attempt: { status: string } }).attempt.status, {
      timeout: 60_000,
    })
    .not.toMatch(/QUEUED|RUNNING/);
  const graded = Date.now();

  const questionLag = await reachesWithin(anonymous, questionPath, (status, html) => countOf(html) === before + 1, graded);
  const topicLag = await reachesWithin(anonymous, `/topics/${TOPIC}`, (_, html) => html.includes(`href="/questions/${slug}"`) && countsNear(html, slug) === before + 1, graded);
  test.info().annotations.push({ type: 'lag', description: `practice count: question page ${questionLag} ms, topic page ${topicLag} ms` });
  await anonymous.dispose();

  // The count shown on the topic page's card for this question.
  function countsNear(html: string, questionSlug: string): number {
    const at = html.indexOf(`href="/questions/${questionSlug}"`);
    const card = html.slice(html.lastIndexOf('<article', at), at);
    return countOf(card);
  }
});
