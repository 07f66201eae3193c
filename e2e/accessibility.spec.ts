// axe-core on every candidate and admin page, light and dark, desktop and mobile: any serious or
// critical violation fails. Candidate pages are checked in the states that matter (a graded
// written result with hints and the model answer, a code result, an attempt's own page).
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { createAccount, signIn } from './support/accounts';
import { E2E_PORT } from './support/test-server';

const APP = path.join(process.cwd(), 'src', 'app');
const WRITTEN = '/questions/explain-canary-releases-contrast-blue-green';
const BASH = '/questions/write-bash-script-pulls-specified-docker';
// A prompt too long to be its own heading (the h1 is for screen readers only).
const LONG_PROMPT = '/questions/python-kubernetes-rollout-state';
const TOPIC = '/topics/production-deployments-and-operations';
const GOOD_SCRIPT = readFileSync(path.join(process.cwd(), 'seeds', 'content', 'write-bash-script-pulls-specified-docker', 'good', 'restart-images-q.sh'), 'utf8');
const ANSWER =
  'A canary release sends a small share of production traffic to the new version while the rest stays on the old one; we compare error rates and latency and roll back if it looks worse.';

const STATE_DIR = path.join(os.tmpdir(), `rehearse-axe-${process.env.E2E_PORT ?? 3100}`);
const CANDIDATE_STATE = path.join(STATE_DIR, 'candidate.json');
const ADMIN_STATE = path.join(STATE_DIR, 'admin.json');

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

// Every admin page in the source tree, so a new one is checked the moment it is added.
const adminPages = walk(path.join(APP, 'admin'))
  .filter((f) => f.endsWith('page.tsx'))
  .map((f) => '/' + path.relative(APP, path.dirname(f)).split(path.sep).join('/'));

const VARIANTS = [
  { name: 'light desktop', colorScheme: 'light', viewport: { width: 1280, height: 900 } },
  { name: 'dark desktop', colorScheme: 'dark', viewport: { width: 1280, height: 900 } },
  { name: 'light mobile', colorScheme: 'light', viewport: { width: 390, height: 844 } },
  { name: 'dark mobile', colorScheme: 'dark', viewport: { width: 390, height: 844 } },
] as const;

// API writes say where they come from, as a browser's would (the CSRF check).
const ORIGIN = { origin: `http://127.0.0.1:${E2E_PORT}` };

let attemptId = '';
let mockId = '';
const ids = { question: '', topic: '' };

async function waitGraded(page: Page, id: string) {
  await expect
    .poll(async () => (await (await page.request.get(`/api/attempts/${id}`)).json()).attempt.status, { timeout: 30_000 })
    .toMatch(/PASSED|FAILED|ERROR/);
}

async function prepare(browser: Browser) {
  mkdirSync(STATE_DIR, { recursive: true });
  // A fresh context: the describe's storageState (not written yet) would otherwise apply here too.
  const fresh = () => browser.newContext({ storageState: { cookies: [], origins: [] } }).then((c) => c.newPage());
  const candidate = await fresh();
  await signIn(candidate, createAccount(), WRITTEN);
  const list = await (await candidate.request.get('/api/questions?topic=production-deployments-and-operations')).json();
  const find = (slug: string) => list.questions.find((q: { slug: string }) => q.slug === slug).id as string;
  const written = await (await candidate.request.post('/api/attempts', { data: { questionId: find('explain-canary-releases-contrast-blue-green'), answer: ANSWER }, headers: ORIGIN })).json();
  const code = await (await candidate.request.post('/api/attempts', { data: { questionId: find('write-bash-script-pulls-specified-docker'), answer: GOOD_SCRIPT }, headers: ORIGIN })).json();
  await waitGraded(candidate, written.id);
  await waitGraded(candidate, code.id);
  await candidate.request.post(`/api/questions/${find('write-bash-script-pulls-specified-docker')}/model-answer`, { headers: ORIGIN });
  // A finished mock interview (its report), with nothing answered so it needs no grading.
  const topics = (await (await candidate.request.get('/api/topics')).json()).topics;
  const mock = await (await candidate.request.post('/api/mock-sessions', { data: { topicId: topics[0].id, length: 'short' }, headers: ORIGIN })).json();
  await candidate.request.post(`/api/mock-sessions/${mock.id}/finish`, { data: { answers: [] }, headers: ORIGIN });
  mockId = mock.id;
  attemptId = written.id;
  ids.question = find('explain-canary-releases-contrast-blue-green');
  ids.topic = (await (await candidate.request.get('/api/topics')).json()).topics[0].id;
  await candidate.context().storageState({ path: CANDIDATE_STATE });
  await candidate.context().close();

  const admin = await fresh();
  await signIn(admin, createAccount('admin'), '/admin');
  await admin.context().storageState({ path: ADMIN_STATE });
  await admin.context().close();
}

async function expectNoSeriousViolations(page: Page, url: string, label: string) {
  await page.goto(url);
  await page.waitForLoadState('networkidle');
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`);
  expect(serious, `${label} ${url}`).toEqual([]);
}

// Signed-in pages need a graded attempt (which also moves the canary question's public count, so
// only the signed-in checks prepare it, once).
let prepared = false;
async function prepareOnce(browser: Browser) {
  if (prepared) return;
  await prepare(browser);
  prepared = true;
}

for (const variant of VARIANTS) {
  test.describe(variant.name, () => {
    test.use({ colorScheme: variant.colorScheme, viewport: variant.viewport });

    test('anonymous pages', async ({ page }) => {
      // Seven pages, each analysed whole: over a minute on a busy machine.
      test.setTimeout(120_000);
      for (const url of ['/', TOPIC, WRITTEN, '/sign-in', '/sign-up', '/account/deleted', '/no-such-page']) await expectNoSeriousViolations(page, url, variant.name);
    });

    test.describe('candidate pages', () => {
      test.beforeAll(async ({ browser }) => {
        test.setTimeout(120_000);
        await prepareOnce(browser);
      });
      test.use({ storageState: CANDIDATE_STATE });
      test('with results, hints, model answer and an attempt page', async ({ page }) => {
        test.setTimeout(120_000);
        const pages = ['/', TOPIC, WRITTEN, BASH, LONG_PROMPT, `/attempts/${attemptId}`, '/search?q=canary', '/review', '/progress', '/account', '/mock', `/mock/${mockId}`];
        for (const url of pages) await expectNoSeriousViolations(page, url, variant.name);
        // With the hints open.
        await page.goto(WRITTEN);
        await page.getByRole('button', { name: 'Show a hint' }).click();
        const results = await new AxeBuilder({ page }).analyze();
        expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
      });
    });

    test.describe('admin pages', () => {
      test.beforeAll(async ({ browser }) => {
        test.setTimeout(120_000);
        await prepareOnce(browser);
      });
      test.use({ storageState: ADMIN_STATE });
      test('every admin page', async ({ page }) => {
        test.setTimeout(120_000);
        for (const route of adminPages) {
          const url = route.replace('[id]', route.startsWith('/admin/topics') ? ids.topic : ids.question);
          await expectNoSeriousViolations(page, url, variant.name);
        }
      });
    });
  });
}
