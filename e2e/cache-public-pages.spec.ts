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

// Signed-in readers of a question or topic page share one cached member copy (decision 017): it names
// nobody, and each reader's own attempts and name load beside it. A cookie that does not decrypt
// gets no member copy.
test('signed-in readers share the member copy of question and topic pages; each sees only their own attempts and statuses', async ({ browser, playwright, baseURL }) => {
  test.setTimeout(120_000);
  const anonymous = await playwright.request.newContext({ baseURL });
  const topicQuestions = await previewQuestions(anonymous);
  await anonymous.dispose();
  const first = createAccount('candidate');
  const second = createAccount('candidate');
  const firstContext = await browser.newContext();
  const secondContext = await browser.newContext();
  try {
    const page = await firstContext.newPage();
    await signIn(page, first, '/');
    // A written question behind the preview, so only a signed-in reader may see it at all.
    const listed = ((await (await page.request.get(`/api/questions?topic=${TOPIC}`)).json()) as { questions: Listed[] }).questions;
    const hidden = listed.find((q) => q.answerKind === 'WRITTEN' && !topicQuestions.some((p) => p.id === q.id));
    expect(hidden, 'a written question behind the preview').toBeDefined();
    const path = `/questions/${hidden!.slug}`;
    const origin = new URL(page.url()).origin;
    const created = await page.request.post('/api/attempts', { headers: { origin }, data: { questionId: hidden!.id, answer: ANSWER } });
    expect(created.status()).toBe(202);

    // The first reader: the member copy, private to the browser, with their answer restored in it.
    const response = await page.goto(path);
    expect(response?.headers()['x-rehearse-page-cache']).toMatch(/^(hit|stale|miss)$/);
    expect(response?.headers()['cache-control']).toBe('private, no-store');
    await expect(page.getByTestId('signed-in-as')).toHaveText(first.email);
    await expect(page.getByLabel(/Your answer/)).toHaveValue(ANSWER);
    await expect(page.getByTestId('attempt-history').getByRole('listitem')).toHaveCount(1);

    // The second reader at once: the same copy, which carries nothing of the first reader's.
    const other = await secondContext.newPage();
    await signIn(other, second, '/');
    const html = await (await other.request.get(path)).text();
    expect(html).not.toContain(first.email);
    expect(html).not.toContain(ANSWER.slice(0, 60));
    const otherResponse = await other.goto(path);
    expect(otherResponse?.headers()['x-rehearse-page-cache']).toMatch(/^(hit|stale|miss)$/);
    await expect(other.getByTestId('signed-in-as')).toHaveText(second.email);
    await expect(other.getByText('No attempts yet.')).toBeVisible();
    await expect(other.getByLabel(/Your answer/)).toHaveValue('');

    // The topic page works the same way: one member copy, each reader's statuses beside it.
    const card = (reader: typeof page) => reader.getByRole('listitem').filter({ has: reader.locator(`a[href="/questions/${hidden!.slug}"]`) });
    const topicResponse = await page.goto(`/topics/${TOPIC}`);
    expect(topicResponse?.headers()['x-rehearse-page-cache']).toMatch(/^(hit|stale|miss)$/);
    expect(topicResponse?.headers()['cache-control']).toBe('private, no-store');
    await expect(card(page).getByTestId('question-status')).toHaveText(/Tried|Passed/);
    await other.goto(`/topics/${TOPIC}`);
    await expect(card(other).getByTestId('question-status')).toHaveText(/New/);

    // A session cookie this server did not issue is a signed-out visitor: sent to sign in.
    const forged = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { cookie: 'next-auth.session-token=forged.token.value' } });
    const refused = await forged.get(path, { maxRedirects: 0 });
    expect(refused.status()).toBeGreaterThanOrEqual(300);
    expect(refused.status()).toBeLessThan(400);
    expect(refused.headers()['location']).toContain('/sign-in');
    expect(refused.headers()['x-rehearse-page-cache']).toBeUndefined();
    await forged.dispose();
  } finally {
    await firstContext.close();
    await secondContext.close();
  }
});
