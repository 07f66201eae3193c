// A configuration question (docs/decisions/019) in the browser: seeded into its topic with its
// brief and a YAML starter; a manifest without readiness probes is told, check by check, what
// passed (with what was found) and what failed and why; YAML with a duplicate key is refused with
// the line; the reference passes every check.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { createAccount, signIn } from './support/accounts';

const SLUG = 'config-kubernetes-zero-downtime';
const CONTENT = path.join(process.cwd(), 'seeds', 'content', SLUG);
const source = (file: string) => readFileSync(path.join(CONTENT, file), 'utf8');

async function submit(page: Page, yaml: string) {
  const editor = page.getByTestId('code-editor').locator('.cm-content');
  await editor.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(yaml);
  await page.getByRole('button', { name: 'Submit answer' }).click();
  await expect(page.getByTestId('attempt-result')).toBeVisible({ timeout: 60_000 });
}

test('a configuration question: per-check feedback on a manifest, a refused duplicate key, the reference passes', async ({ page }) => {
  test.setTimeout(150_000);
  await signIn(page, createAccount(), '/topics/containers-and-kubernetes');
  await page.getByRole('list', { name: 'Questions' }).getByRole('link', { name: /drops requests every time it is deployed/ }).click();
  await expect(page).toHaveURL(new RegExp(`/questions/${SLUG}$`));
  await expect(page.getByText('Your YAML configuration')).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'YAML configuration editor' })).toBeVisible();
  await expect(page.getByTestId('code-editor')).toContainText('kind: Deployment');

  await submit(page, source('bad/liveness-probe-only.yaml'));
  await expect(page.getByTestId('attempt-status')).toHaveText('Not yet');
  const result = page.getByTestId('attempt-result');
  await expect(result).toContainText('Every container has a readiness probe');
  await expect(result).toContainText('no readinessProbe (with httpGet, tcpSocket, exec or grpc) on container "checkout"');
  await expect(result).toContainText('a pod gets traffic before the app can serve');
  // A passing check says what it found.
  await expect(result).toContainText('RollingUpdate, maxUnavailable 0, maxSurge 1');
  await expect(result).toContainText('minAvailable 2 of 3 replicas');

  await page.reload();
  await submit(page, source('bad/duplicate-key.yaml'));
  await expect(page.getByTestId('attempt-result')).toContainText('the key "maxUnavailable" appears twice in one mapping');

  await page.reload();
  await submit(page, source('reference.yaml'));
  await expect(page.getByTestId('attempt-status')).toHaveText('Passed');
  await expect(page.getByTestId('attempt-score')).toHaveText('100');
});
