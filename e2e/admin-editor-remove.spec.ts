// The material editor's Remove buttons took a whole concept (its claims, phrasings and
// misconceptions), a calibration answer or a known-bad variant at once, with no undo short of
// leaving the page and every other unsaved edit; and focus fell to <body> with the button. Now an
// item with something typed in it asks first, an empty one goes at once, and focus moves to the
// list's Add button.
import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { createAccount, signIn } from './support/accounts';

function answerDialogs(page: Page, accept: boolean) {
  const seen: string[] = [];
  page.removeAllListeners('dialog');
  page.on('dialog', (dialog) => {
    seen.push(dialog.message());
    void (accept ? dialog.accept() : dialog.dismiss());
  });
  return seen;
}

test('removing a concept, claim or sample with text in it asks first; focus moves to Add', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, createAccount('admin'), '/admin/questions/new');
  await page.getByLabel('Prompt (Markdown)', { exact: true }).fill(`Explain how a rolling update works (${randomUUID().slice(0, 6)}) and what can go wrong.`);
  await page.getByLabel('Answer kind').selectOption('WRITTEN');
  await page.getByRole('button', { name: 'Create draft question' }).click();
  await expect(page).toHaveURL(/\/admin\/questions\/[0-9a-f-]{36}$/);

  await page.getByRole('button', { name: 'Add concept' }).click();
  await page.getByLabel('Concept 1 Name', { exact: true }).fill('Surge and unavailability');
  await page.getByLabel('Concept 1 Claim 1: phrasings (one per line)').fill('max surge\nmax unavailable');
  await page.getByRole('button', { name: 'Add claim to concept 1' }).click();
  await page.getByRole('button', { name: 'Add calibration sample' }).click();
  await page.getByLabel('Sample 1 Answer', { exact: true }).fill('Pods are replaced a few at a time.');

  // Dismissed: the concept and what is in it stay.
  let seen = answerDialogs(page, false);
  await page.getByRole('button', { name: 'Remove concept 1' }).click();
  expect(seen).toEqual(['Remove concept 1 (“Surge and unavailability”) with its claims and misconceptions? What is typed in it goes too.']);
  await expect(page.getByLabel('Concept 1 Claim 1: phrasings (one per line)')).toHaveValue('max surge\nmax unavailable');

  // An empty claim goes without a question; focus moves to "Add claim".
  seen = answerDialogs(page, false);
  await page.getByRole('button', { name: 'Remove claim 2 of concept 1' }).click();
  await expect(page.getByLabel('Concept 1 Claim 2: statement')).toHaveCount(0);
  expect(seen).toEqual([]);
  await expect(page.getByRole('button', { name: 'Add claim to concept 1' })).toBeFocused();

  // Accepted: the sample goes, and focus moves to "Add calibration sample".
  seen = answerDialogs(page, true);
  await page.getByRole('button', { name: 'Remove sample 1' }).click();
  expect(seen).toEqual(['Remove sample 1? What is typed in it goes too.']);
  await expect(page.getByLabel('Sample 1 Answer', { exact: true })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Add calibration sample' })).toBeFocused();

  await page.getByRole('button', { name: 'Remove concept 1' }).click();
  await expect(page.getByLabel('Concept 1 Name', { exact: true })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Add concept' })).toBeFocused();
});
