// Enumerates every admin page and admin API route in the source tree, so a new admin route is
// covered the moment it is added: anonymous visitors get 401 (API) or a redirect to sign in
// (pages); signed-in candidates get 403 from all of them.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { createAccount, signIn } from './support/accounts';
import { E2E_PORT } from './support/test-server';

const APP = path.join(process.cwd(), 'src', 'app');
const PLACEHOLDER_ID = '00000000-0000-4000-8000-000000000000';
// API writes must say they come from this app (CSRF check), as a browser's Origin would.
const ORIGIN = { origin: `http://127.0.0.1:${E2E_PORT}` };

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

function toUrl(file: string): string {
  const segments = path.relative(APP, path.dirname(file)).split(path.sep).filter((s) => !/^\(.*\)$/.test(s));
  return '/' + segments.map((s) => (/^\[.*\]$/.test(s) ? (s.includes('slug') ? 'some-slug' : PLACEHOLDER_ID) : s)).join('/');
}

const pages = walk(path.join(APP, 'admin')).filter((f) => f.endsWith('page.tsx')).map(toUrl);
const apis = walk(path.join(APP, 'api', 'admin'))
  .filter((f) => f.endsWith('route.ts'))
  .flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/export (?:const|async function) (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => ({ method: m[1]!, url: toUrl(f) })));

test('the admin routes were found', () => {
  expect(pages).toContain('/admin');
  expect(apis).toContainEqual({ method: 'GET', url: '/api/admin/users' });
});

test('anonymous visitors get 401 from admin APIs and are sent to sign in from admin pages', async ({ page, request }) => {
  for (const { method, url } of apis) {
    const response = await request.fetch(url, { method, data: method === 'GET' ? undefined : {}, headers: ORIGIN });
    expect(response.status(), `${method} ${url}`).toBe(401);
  }
  for (const url of pages) {
    await page.goto(url);
    await expect(page, url).toHaveURL(/\/sign-in\?callbackUrl=/);
  }
});

test('candidates get 403 from every admin API and admin page', async ({ page }) => {
  await signIn(page, createAccount('candidate'));
  for (const { method, url } of apis) {
    const response = await page.request.fetch(url, { method, data: method === 'GET' ? undefined : {}, headers: ORIGIN });
    expect(response.status(), `${method} ${url}`).toBe(403);
  }
  for (const url of pages) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(403);
  }
});
