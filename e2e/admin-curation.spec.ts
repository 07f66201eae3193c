// Admin curation journeys in Chromium: an admin writes a written question with a rubric, sees
// validation fail on a bad calibration sample (the message names it), fixes it, validates and
// publishes; a candidate then finds it in the topic, answers it and gets a score. And a topic
// goes out as a bundle file and back in through the upload on the admin page.
import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { createAccount, signIn } from './support/accounts';

const TOPIC = 'production-deployments-and-operations';
const TOPIC_NAME = 'Production Deployments and Operations';

const STRONG = [
  'I would change the schema with expand and contract, so every step stays backward compatible with the running code.',
  'Then I would backfill in batches with a throttle, watching replication lag, and only drop the old column at the very end.',
].join(' ');
const WEAK = 'I would run the migration at night when nobody is using the system and hope for the best outcome.';

async function fillConcept(page: Page, n: number, c: { name: string; description: string; phrasings: string; followUp: string }) {
  await page.getByRole('button', { name: 'Add concept' }).click();
  await page.getByLabel(`Concept ${n} Name`, { exact: true }).fill(c.name);
  await page.getByLabel(`Concept ${n} Description (why it matters)`).fill(c.description);
  await page.getByLabel(`Concept ${n} Claim 1: phrasings (one per line)`).fill(c.phrasings);
  await page.getByLabel(`Concept ${n} Follow-up question`).fill(c.followUp);
}

async function fillSample(page: Page, n: number, s: { label: string; min: number; max: number; answer: string }) {
  await page.getByRole('button', { name: 'Add calibration sample' }).click();
  await page.getByLabel(`Sample ${n} Label`).fill(s.label);
  await page.getByLabel(`Sample ${n} Lowest expected score`).fill(String(s.min));
  await page.getByLabel(`Sample ${n} Highest expected score`).fill(String(s.max));
  await page.getByLabel(`Sample ${n} Answer`, { exact: true }).fill(s.answer);
}

test('an admin writes, validates and publishes a written question; a candidate practises it', async ({ page, browser }) => {
  test.setTimeout(120_000);
  const token = randomUUID().slice(0, 6);
  const prompt = `Explain how you would run a risky schema migration (${token}) on a large table without downtime, and how you would roll it back.`;

  await signIn(page, createAccount('admin'), '/admin/questions/new');
  // A save that fails moves focus to the first field at fault, which names its message.
  await page.getByRole('button', { name: 'Create draft question' }).click();
  const promptBox = page.getByLabel('Prompt (Markdown)', { exact: true });
  await expect(promptBox).toBeFocused();
  await expect(promptBox).toHaveAttribute('aria-invalid', 'true');
  await expect(promptBox).toHaveAccessibleDescription('Write the question (at least 10 characters).');
  await page.getByLabel('Topic').selectOption({ label: TOPIC_NAME });
  await page.getByLabel('Prompt (Markdown)', { exact: true }).fill(`${prompt}`);
  await expect(page.getByTestId('question-prompt-preview')).toContainText(token);
  await page.getByLabel('Difficulty').selectOption('HARD');
  await page.getByLabel('Answer kind').selectOption('WRITTEN');
  await page.getByLabel('Tags (comma-separated)').fill('databases, migrations');
  await page.getByRole('button', { name: 'Create draft question' }).click();

  await expect(page).toHaveURL(/\/admin\/questions\/[0-9a-f-]{36}$/);
  const questionUrl = page.url();
  await expect(page.getByTestId('question-status')).toContainText('Draft');
  await expect(page.getByTestId('question-status')).toContainText('No published version yet.');

  // Publishing before validating is refused by the server, with the reason.
  const id = questionUrl.split('/').at(-1)!;
  const early = await page.request.post(`/api/admin/questions/${id}/publish`, { headers: { origin: new URL(page.url()).origin } });
  expect(early.status()).toBe(409);
  expect((await early.json()).error).toMatch(/did not pass validation|Validate version 1/);


  await fillConcept(page, 1, {
    name: 'Expand and contract',
    description: 'Each schema step stays compatible with the code that runs.',
    phrasings: 'expand and contract\nbackward compatible',
    followUp: 'What do you deploy between the expand and the contract step?',
  });
  await fillConcept(page, 2, {
    name: 'Batched backfill',
    description: 'Large tables are filled in small, throttled batches.',
    phrasings: 'backfill in batches',
    followUp: 'How do you keep a backfill from hurting production traffic?',
  });
  await fillSample(page, 1, { label: 'strong', min: 70, max: 100, answer: STRONG });
  // Wrong on purpose: a "weak" sample that is really a strong answer.
  await fillSample(page, 2, { label: 'weak', min: 0, max: 40, answer: STRONG });
  // Two samples with one label: the message about the list takes focus, and its fieldset names it.
  await page.getByLabel('Sample 2 Label').fill('strong');
  await page.getByRole('button', { name: 'Save material' }).click();
  await expect(page.getByText('Give each calibration sample its own label.')).toBeFocused();
  await expect(page.getByRole('group', { name: 'Calibration samples' })).toHaveAccessibleDescription('Give each calibration sample its own label.');
  await page.getByLabel('Sample 2 Label').fill('weak');
  await page.getByLabel('Model answer (Markdown, shown after a graded attempt)', { exact: true }).fill('Use **expand and contract**, then backfill in batches.');
  await expect(page.getByTestId('model-answer-preview').locator('strong')).toHaveText('expand and contract');
  await page.getByRole('button', { name: 'Save material' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved draft version 1' })).toBeVisible();

  await page.getByRole('button', { name: 'Validate', exact: true }).click();
  await expect(page.getByTestId('validation-state')).toContainText('Validation failed');
  // The headline counts; the failure is said once, in the list.
  await expect(page.getByTestId('validation-result')).toContainText('1 of 2 checks failed:');
  await expect(page.getByTestId('validation-result').getByText('calibration sample "weak" scored 100, expected 0–40')).toHaveCount(1);
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'did not pass validation' })).toContainText('calibration sample "weak" scored 100, expected 0–40');

  // Fix the sample: saving invalidates the old outcome; validating again passes.
  await page.getByLabel('Sample 2 Answer', { exact: true }).fill(WEAK);
  await page.getByRole('button', { name: 'Save material' }).click();
  await expect(page.getByTestId('validation-state')).toContainText('Not validated since the last edit');
  await page.getByRole('button', { name: 'Validate', exact: true }).click();
  await expect(page.getByTestId('validation-state')).toContainText('Validation passed');
  await expect(page.getByTestId('validation-result')).toContainText('All 2 checks passed.');
  await expect(page.getByTestId('validation-result')).toContainText('calibration sample "weak" scored 0, within 0–40');
  await page.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Published version 1' })).toBeVisible();
  await expect(page.getByTestId('question-status')).toContainText('Candidates practise version 1.');
  await expect(page.getByTestId('versions-table')).toContainText('Practised now');
  // The live version has nothing left to publish.
  await expect(page.getByRole('button', { name: 'Publish', exact: true })).toHaveCount(0);

  // The audit log has the journey, newest first.
  await page.goto('/admin/audit');
  await expect(page.getByTestId('audit-entry').first()).toContainText(new RegExp(`published version 1 of “Explain how you would run a risky schema migration \\(${token}\\)[^”]*”\\..*question\\.publish`));

  // A candidate finds it in the topic, opens it and practises it.
  const context = await browser.newContext();
  const candidate = await context.newPage();
  await signIn(candidate, createAccount('candidate'), `/topics/${TOPIC}`);
  await candidate.getByRole('link', { name: prompt }).click();
  await expect(candidate.getByTestId('question-prompt')).toHaveText(prompt);
  const candidatePath = new URL(candidate.url()).pathname;
  expect(candidatePath).toMatch(/^\/questions\/explain-run-risky-schema-migration-/);
  await candidate.getByLabel(/Your answer/).fill(STRONG);
  await candidate.getByRole('button', { name: 'Submit answer' }).click();
  await expect(candidate.getByTestId('attempt-result')).toBeVisible({ timeout: 30_000 });
  expect(Number(await candidate.getByTestId('attempt-score').textContent())).toBe(100);
  await context.close();

  // The admin sees the attempt counted against version 1.
  await page.goto(questionUrl);
  await expect(page.getByTestId('versions-table').locator('tbody tr').first()).toContainText(/v1\s*Practised now\s*Passed\s*1/);

  // Deleting is soft: the question leaves the bank and the admin list.
  page.once('dialog', (dialog) => dialog.accept());
  await page.getByRole('button', { name: 'Delete question' }).click();
  await expect(page).toHaveURL(/\/admin\/questions$/);
  await expect(page.getByTestId('admin-question-list')).not.toContainText(token);
  expect((await page.request.get(candidatePath)).status()).toBe(404);
});

test('a topic exports as a bundle file and a broken bundle upload is refused with the path of the problem', async ({ page }) => {
  await signIn(page, createAccount('admin'), '/admin');
  const response = await page.request.get(`/api/admin/bundles/${TOPIC}`);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-disposition']).toBe(`attachment; filename="rehearse-${TOPIC}.json"`);
  const text = await response.text();
  const bundle = JSON.parse(text);
  expect(text.startsWith('{\n  "format": "rehearse-bundle",\n  "formatVersion": 1,')).toBe(true);
  const index = bundle.questions.findIndex((q: { rubric: unknown }) => q.rubric !== null);
  expect(index).toBeGreaterThanOrEqual(0);

  const broken = structuredClone(bundle);
  broken.questions[index].rubric.concepts[0].weight = 'heavy';
  const upload = (data: unknown) =>
    page.getByLabel('Bundle file (rehearse-bundle JSON)').setInputFiles({ name: 'bundle.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(data)) });
  await upload(broken);
  await page.getByRole('button', { name: 'Import bundle' }).click();
  await expect(page.getByTestId('bundle-errors')).toHaveText(`questions[${index}].rubric.concepts[0].weight: expected a number, found "heavy"`);

  await upload(bundle);
  await page.getByRole('button', { name: 'Import bundle' }).click();
  await expect(page.getByRole('status')).toContainText(new RegExp(`Imported topic ${TOPIC}: 0 created, \\d+ updated, \\d+ unchanged, 0 refused; 0 versions created, 0 published\\.`));
});

test('an admin filters to the seeded Bash question and validates it in the real sandbox', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, createAccount('admin'), '/admin/questions');
  await page.getByLabel('Answer kind').selectOption('BASH');
  await page.getByLabel('Search').fill('docker');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/kind=BASH/);
  // The seed document's Bash question among the Bash questions that mention docker.
  const list = page.getByTestId('admin-question-list').getByRole('listitem');
  const seeded = list.filter({ hasText: 'pulls a specified Docker image' });
  await expect(seeded).toHaveCount(1);
  await seeded.getByRole('link').click();
  await expect(page.getByLabel('Harness name')).toHaveValue('bash-deploy');
  await page.getByRole('button', { name: 'Validate', exact: true }).click();
  await expect(page.getByTestId('validation-state')).toContainText('Validation passed', { timeout: 60_000 });
  await expect(page.getByTestId('validation-result')).toContainText(/the reference solution passed all \d+ tests/);
  await expect(page.getByTestId('validation-result')).toContainText(/known-bad variant "[^"]+" failed \d+ of \d+ tests, as expected/);
});
