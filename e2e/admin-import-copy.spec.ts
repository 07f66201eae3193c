// Importing a topic's bundle under a new topic slug never moves its questions: refused by default
// with their current topic named, or imported as copies with new slugs; either way the original
// topic keeps every question on the public home page.
import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { createAccount, signIn } from './support/accounts';
import { deleteTopic, topicBundleCopy } from './support/topics';

const TOPIC = 'production-deployments-and-operations';
const TOPIC_NAME = 'Production Deployments and Operations';

const questionCount = async (page: Page, slug: string) =>
  ((await (await page.request.get('/api/topics')).json()).topics as { slug: string; questionCount: number }[]).find((t) => t.slug === slug)?.questionCount;

test('importing a bundle under a new topic refuses or copies, and the original topic stays intact', async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, createAccount('admin'), '/admin');
  const before = await questionCount(page, TOPIC);
  expect(before).toBeGreaterThan(0);

  const slug = `copied-${randomUUID().slice(0, 6)}`;
  // Written questions only: their material validates in milliseconds.
  const copy = await topicBundleCopy(page, TOPIC, { slug, name: `Copied ${slug}`, pick: (questions) => questions.filter((q) => q.answerKind === 'WRITTEN') });
  const written = copy.questions;
  const [first] = written;
  if (!first) throw new Error(`The topic ${TOPIC} has no written question to copy.`);
  const upload = () => page.getByLabel('Bundle file (rehearse-bundle JSON)').setInputFiles({ name: 'bundle.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(copy)) });

  await upload();
  await page.getByRole('button', { name: 'Import bundle' }).click();
  const summary = page.getByTestId('bundle-summary');
  await expect(summary.getByRole('listitem')).toHaveCount(written.length, { timeout: 30_000 });
  await expect(summary.getByRole('listitem').first()).toContainText(`refused ${first.slug}: "${first.slug}" belongs to the topic "${TOPIC_NAME}" (${TOPIC})`);
  expect(await questionCount(page, TOPIC)).toBe(before);

  await upload();
  await page.getByLabel('Questions that already belong to another topic').selectOption('copy');
  await page.getByRole('button', { name: 'Import bundle' }).click();
  // Copies are new material: it is validated before anything is written, which takes a moment.
  await expect(page.getByRole('status')).toContainText(`${written.length} created, 0 updated, 0 unchanged, 0 refused`, { timeout: 60_000 });
  await expect(summary.getByRole('listitem').first()).toContainText(new RegExp(`created ${first.slug}-copy(-\\d+)?: a copy of "${first.slug}"`));
  expect(await questionCount(page, slug)).toBe(written.filter((q) => q.published).length);

  // The public home page still lists the original topic with all its questions.
  await page.goto('/');
  await expect(page.getByRole('link', { name: new RegExp(TOPIC_NAME) }).first()).toBeVisible();
  expect(await questionCount(page, TOPIC)).toBe(before);
  await page.goto(`/topics/${TOPIC}`);
  await expect(page.getByRole('heading', { name: TOPIC_NAME })).toBeVisible();

  // Clean up: the copies go with their topic.
  await deleteTopic(page, `Copied ${slug}`);
  expect(await questionCount(page, slug)).toBeUndefined();
});
