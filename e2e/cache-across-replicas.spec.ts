// With several web replicas (Kubernetes), an admin's change made through one reaches the cached
// public pages of the others too (src/server/cache/catalog-changes.ts): a second web server on the
// same database serves the anonymous question page from its cache, the admin edits the prompt
// through the first, and the second shows the edit within 5 s (without the announcement it kept
// its copy for up to CATALOG_SAFETY_SECONDS, 300 s).
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { createAccount, signIn } from './support/accounts';
import { E2E_DATA_DIR, E2E_PORT } from './support/test-server';

const TOPIC = 'production-deployments-and-operations';
const SECOND_PORT = E2E_PORT + 2;
const second = `http://127.0.0.1:${SECOND_PORT}`;

// The second replica: the same production build and database, its own process and caches.
async function startSecondReplica(): Promise<ChildProcess> {
  const { url } = JSON.parse(readFileSync(path.join(E2E_DATA_DIR, 'postgres.json'), 'utf8')) as { url: string };
  const replica = spawn(process.execPath, ['--import', 'tsx', 'scripts/serve.ts'], {
    env: { ...process.env, NODE_ENV: 'production', DATABASE_URL: url, PORT: String(SECOND_PORT), AUTH_SECRET: randomUUID(), AUTH_TRUST_HOST: 'true', NEXT_TELEMETRY_DISABLED: '1' },
    stdio: 'ignore',
  });
  await expect
    .poll(() => fetch(`${second}/api/health`).then((r) => r.ok, () => false), { timeout: 60_000, intervals: [250, 500, 1_000] })
    .toBe(true);
  return replica;
}

test("an admin's edit through one web server reaches another's cached pages within 5 s", async ({ page, request }) => {
  test.setTimeout(150_000);
  const replica = await startSecondReplica();
  try {
    const listed = await request.get(`/api/questions?topic=${TOPIC}`);
    const [question] = ((await listed.json()) as { questions: { id: string; slug: string; prompt: string }[] }).questions;
    expect(question).toBeDefined();
    const { id, slug, prompt } = question!;
    // The second replica keeps its own copy first.
    for (let i = 0; i < 2; i++) {
      const response = await fetch(`${second}/questions/${slug}`);
      expect(response.status).toBe(200);
      expect(await response.text()).not.toContain('(replicated-');
    }

    await signIn(page, createAccount('admin'), `/admin/questions/${id}`);
    const token = `(replicated-${randomUUID().slice(0, 6)})`;
    const promptField = page.getByLabel('Prompt (Markdown)', { exact: true });
    await promptField.fill(`${prompt.trimEnd()} ${token}`);
    await page.getByRole('button', { name: 'Save question' }).click();
    await expect(page.getByText('Question saved.')).toBeVisible();
    try {
      await expect
        .poll(async () => (await (await fetch(`${second}/questions/${slug}`)).text()).includes(token), { timeout: 5_000, intervals: [100, 200, 250] })
        .toBe(true);
    } finally {
      // Put the seeded prompt back for the other journeys.
      await promptField.fill(prompt);
      await page.getByRole('button', { name: 'Save question' }).click();
      await expect(page.getByText('Question saved.')).toBeVisible();
    }
  } finally {
    replica.kill('SIGTERM');
  }
});
