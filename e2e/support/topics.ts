// Topic fixtures: a topic of the test's own, made from a seed topic's bundle under a new slug, so
// a spec that changes its questions never races the specs that use the shared seed, and deleted
// through the admin Topics page as an admin would.
import { expect, type Page } from '@playwright/test';

export type BundleQuestion = { slug: string; answerKind: string; published: boolean };
export type TopicBundle = { topic: { slug: string; name: string }; questions: BundleQuestion[] };

// The seed topic's bundle (GET /api/admin/bundles/:slug), re-labelled as the topic `slug` named
// `name`, with the questions `pick` keeps. `page` is signed in as an admin.
export async function topicBundleCopy(
  page: Page,
  fromSlug: string,
  { slug, name, pick = (questions) => questions }: { slug: string; name: string; pick?: (questions: BundleQuestion[]) => BundleQuestion[] },
): Promise<TopicBundle> {
  const response = await page.request.get(`/api/admin/bundles/${fromSlug}`);
  expect(response.status()).toBe(200);
  const bundle = (await response.json()) as TopicBundle;
  return { ...bundle, topic: { ...bundle.topic, slug, name }, questions: pick(bundle.questions) };
}

// Imports the bundle through the API, its questions as copies with new slugs (they belong to the
// seed topic). The origin header is the app's own, as the browser would send; `page` is on the app.
export async function importTopicCopy(page: Page, bundle: TopicBundle): Promise<void> {
  const origin = new URL(page.url()).origin;
  const response = await page.request.post('/api/admin/bundles?onOtherTopic=copy', { headers: { origin }, data: bundle });
  expect(response.status(), await response.text()).toBe(200);
}

// Deletes the topic named `name` from /admin/topics (soft; its questions go with it).
export async function deleteTopic(page: Page, name: string): Promise<void> {
  await page.goto('/admin/topics');
  await page.getByRole('link', { name, exact: true }).click();
  page.once('dialog', (dialog) => dialog.accept());
  await page.getByRole('button', { name: 'Delete topic' }).click();
  await expect(page).toHaveURL(/\/admin\/topics$/);
}
