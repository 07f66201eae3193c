// Every page (found from the source tree, like e2e/admin-access.spec.ts), anonymous and as an
// admin, loads under the Content-Security-Policy with no violation and no script error, and
// carries the security headers; callback URLs never leave the site; malformed percent-encoding
// in a path is a 404.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { createAccount, signIn } from './support/accounts';

const APP = path.join(process.cwd(), 'src', 'app');

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

// "/admin/questions/[id]" for src/app/admin/questions/[id]/page.tsx.
const pagePatterns = walk(APP)
  .filter((f) => path.basename(f) === 'page.tsx')
  .map((f) => '/' + path.relative(APP, path.dirname(f)).split(path.sep).filter((s) => s && !/^\(.*\)$/.test(s)).join('/'));

type Ids = { topicSlug: string; topicId: string; questionSlug: string; questionId: string; roleSlug: string; categorySlug: string };

async function realIds(request: APIRequestContext): Promise<Ids> {
  const { topics } = await (await request.get('/api/topics')).json();
  const topic = topics.find((t: { questionCount: number }) => t.questionCount > 0);
  const { questions } = await (await request.get(`/api/questions?topic=${topic.slug}`)).json();
  const { roles } = await (await request.get('/api/roles')).json();
  const { topics: roleTopics } = await (await request.get(`/api/topics?role=${roles[0].slug}`)).json();
  const categorySlug = roleTopics.find((t: { category: { slug: string } | null }) => t.category).category.slug;
  return { topicSlug: topic.slug, topicId: topic.id, questionSlug: questions[0].slug, questionId: questions[0].id, roleSlug: roles[0].slug, categorySlug };
}

function toUrl(pattern: string, ids: Ids): string {
  return pattern
    .replace('/questions/[slug]', `/questions/${ids.questionSlug}`)
    .replace('/topics/[slug]', `/topics/${ids.topicSlug}`)
    .replace('/admin/questions/[id]', `/admin/questions/${ids.questionId}`)
    .replace('/admin/topics/[id]', `/admin/topics/${ids.topicId}`)
    .replace('/roles/[slug]', `/roles/${ids.roleSlug}`)
    .replace('/categories/[slug]', `/categories/${ids.categorySlug}`);
}

// CSP violations reach the page as events and the console as "Refused to …" messages.
async function watchForViolations(page: Page): Promise<string[]> {
  const problems: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
  page.on('console', (message) => {
    const text = message.text();
    if (/Content Security Policy|CSP violation|Refused to/i.test(text)) problems.push(`${page.url()}: ${text}`);
  });
  page.on('pageerror', (error) => problems.push(`${page.url()}: ${error.message}`));
  return problems;
}

function expectSecurityHeaders(headers: Record<string, string>, url: string) {
  expect(headers['x-frame-options'], url).toBe('DENY');
  expect(headers['x-content-type-options'], url).toBe('nosniff');
  expect(headers['referrer-policy'], url).toBe('strict-origin-when-cross-origin');
  expect(headers['permissions-policy'], url).toContain('camera=()');
  // Served over plain HTTP here: no HSTS.
  expect(headers['strict-transport-security'], url).toBeUndefined();
}

async function visitAll(page: Page, urls: string[], problems: string[]) {
  const nonces = new Set<string>();
  for (const url of urls) {
    const response = await page.goto(url);
    expect(response, url).not.toBeNull();
    expect(response!.status(), url).toBeLessThan(400);
    const headers = response!.headers();
    expectSecurityHeaders(headers, url);
    const csp = headers['content-security-policy'] ?? '';
    expect(csp, url).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp, url).toContain("frame-ancestors 'none'");
    expect(csp, url).toContain("object-src 'none'");
    expect(csp, url).not.toContain('unsafe-eval');
    nonces.add(/'nonce-([^']+)'/.exec(csp)![1]!);
    await page.waitForLoadState('load');
    // Next's inline scripts (which need the nonce) ran: they fill self.__next_f for hydration.
    expect(await page.evaluate(() => Array.isArray((self as unknown as { __next_f?: unknown }).__next_f)), url).toBe(true);
    await page.waitForTimeout(250);
  }
  expect(nonces.size, 'a fresh nonce per request').toBe(urls.length);
  expect(problems).toEqual([]);
}

test('the pages were found in the source tree', () => {
  expect(pagePatterns).toEqual(expect.arrayContaining(['/', '/sign-in', '/questions/[slug]', '/admin', '/admin/questions/[id]']));
});

test('every public page loads under the CSP without a violation', async ({ page, request }) => {
  test.setTimeout(180_000);
  const problems = await watchForViolations(page);
  const ids = await realIds(request);
  const publicPages = pagePatterns.filter((p) => !p.startsWith('/admin')).map((p) => toUrl(p, ids));
  await visitAll(page, publicPages, problems);
});

test('every page, admin pages included, loads under the CSP for a signed-in admin', async ({ page, request }) => {
  test.setTimeout(300_000);
  const problems = await watchForViolations(page);
  await signIn(page, createAccount('admin'));
  const ids = await realIds(request);
  // An attempt of the admin's own, so its page (/attempts/[id]) is visited too.
  const answer = 'A canary release sends a small share of traffic to the new version first, compares its errors and latency with the old one, and rolls back at once if it looks worse.';
  const posted = await page.request.post('/api/attempts', { data: { questionId: ids.questionId, answer }, headers: { origin: new URL(page.url()).origin } });
  expect(posted.status()).toBe(202);
  const attemptId = (await posted.json()).id as string;
  // A mock interview of the admin's own, so /mock/[id] is visited too.
  const mock = await page.request.post('/api/mock-sessions', { data: { topicId: ids.topicId, length: 'short' }, headers: { origin: new URL(page.url()).origin } });
  expect(mock.status()).toBe(201);
  const mockId = (await mock.json()).id as string;
  const urls = pagePatterns
    // /admin/attempts/[id] shows an attempt the LLM judge graded beside the offline grade, and is a
    // 404 for any other; this server runs without a judge (tests/integration/analytics covers it).
    .filter((p) => p !== '/sign-in' && p !== '/sign-up' && p !== '/admin/attempts/[id]')
    .map((p) => toUrl(p, ids).replace('/attempts/[id]', `/attempts/${attemptId}`).replace('/mock/[id]', `/mock/${mockId}`));
  await visitAll(page, urls, problems);
  // The editors render and react under the policy (CodeMirror/Markdown on the question page).
  await page.goto(`/questions/${ids.questionSlug}`);
  await expect(page.getByRole('button', { name: 'Submit answer' })).toBeVisible();
  expect(problems).toEqual([]);
});

test('API responses, redirects and 404s carry the headers; HSTS only over HTTPS', async ({ request }) => {
  const api = await request.get('/api/topics');
  expectSecurityHeaders(api.headers(), '/api/topics');
  expect(api.headers()['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
  const missing = await request.get('/no-such-page');
  expect(missing.status()).toBe(404);
  expectSecurityHeaders(missing.headers(), '/no-such-page');
  // Behind a TLS-terminating proxy (which sets X-Forwarded-Proto: https).
  const https = await request.get('/', { headers: { 'x-forwarded-proto': 'https' } });
  expect(https.headers()['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
});

test('malformed percent-encoding in a path is a 404, not a 500', async ({ request }) => {
  for (const url of ['/questions/%ff', '/topics/%ff', '/questions/%', '/admin/questions/%E0%A4%A']) {
    const response = await request.get(url, { maxRedirects: 0 });
    expect([404, 307], url).toContain(response.status());
  }
  expect((await request.get('/questions/%ff')).status()).toBe(404);
  expect((await request.get('/topics/%ff')).status()).toBe(404);
});

const EVIL = ['%2F%09%2Fevil.example', '%2F%0A%2Fevil.example', '%2F%5Cevil.example', '%2F%2Fevil.example', 'https%3A%2F%2Fevil.example', '%2F.%2F%2Fevil.example'];

test.describe('callback URLs', () => {
  test('signed in, the sign-in and sign-up pages redirect only within the site', async ({ page }) => {
    await signIn(page, createAccount());
    for (const form of ['/sign-in', '/sign-up']) {
      for (const evil of EVIL) {
        const response = await page.request.get(`${form}?callbackUrl=${evil}`, { maxRedirects: 0 });
        expect(response.status(), `${form} ${evil}`).toBe(307);
        expect(response.headers().location, `${form} ${evil}`).toBe('/');
      }
      // A non-Latin-1 path is kept, percent-encoded, never a 500.
      const unicode = await page.request.get(`${form}?callbackUrl=${encodeURIComponent('/questions/日本?x=é')}`, { maxRedirects: 0 });
      expect(unicode.status()).toBe(307);
      expect(unicode.headers().location).toBe('/questions/%E6%97%A5%E6%9C%AC?x=%C3%A9');
    }
  });

  test('signing in through the form with a hostile callback lands on this site', async ({ page, baseURL }) => {
    const account = createAccount();
    await page.goto(`/sign-in?callbackUrl=${EVIL[0]}`);
    await page.getByLabel('Email').fill(account.email);
    await page.getByLabel('Password').fill(account.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page.getByTestId('signed-in-as')).toHaveText(account.email);
    expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
    expect(new URL(page.url()).pathname).toBe('/');
  });

  test('signed out, the pages render and keep only a safe callback', async ({ page }) => {
    for (const form of ['/sign-in', '/sign-up']) {
      const response = await page.goto(`${form}?callbackUrl=${EVIL[0]}`);
      expect(response!.status()).toBe(200);
      const other = form === '/sign-in' ? 'sign-up' : 'sign-in';
      await expect(page.locator(`a[href^="/${other}?callbackUrl="]`)).toHaveAttribute('href', `/${other}?callbackUrl=%2F`);
    }
  });
});
