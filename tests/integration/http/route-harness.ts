// Calling route handlers directly, as Next.js would: a session chosen by the test (a real
// next-auth session cookie for `harness.user`, so src/server/auth.ts checks it as in production),
// and next/headers answering for the request in hand, so that next-auth's own handler runs too.
// Import this file before any route module.
import { createRequire } from 'node:module';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { NextRequest } from 'next/server';
import { encode } from 'next-auth/jwt';

process.env.AUTH_SECRET ??= 'route-harness-secret-route-harness-secret';

export const harness = {
  // name and email go into the token as next-auth puts them there at sign-in.
  user: null as null | { id: string; sessionVersion?: number; name?: string; email?: string },
  headers: new Headers(),
  sessionCookie: null as null | { name: string; value: string },
};

// next-auth reaches next/headers through require(), which vi.mock does not see; the module's
// exports are plain properties, so they are replaced in place.
const nextHeaders = createRequire(import.meta.url)('next/headers') as Record<string, unknown>;
nextHeaders.headers = async () => harness.headers;
nextHeaders.cookies = async () => {
  const all = harness.sessionCookie ? [harness.sessionCookie] : [];
  return { getAll: () => all, get: (name: string) => all.find((c) => c.name === name), has: (name: string) => all.some((c) => c.name === name) };
};

export const ORIGIN = 'http://localhost:3000';
export const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

const API = path.join(process.cwd(), 'src', 'app', 'api');

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

export type RouteFile = { file: string; pattern: string; segments: string[] };

// Every route.ts under src/app/api, with its URL pattern ("/api/attempts/[id]").
export function findApiRoutes(): RouteFile[] {
  return walk(API)
    .filter((f) => path.basename(f) === 'route.ts')
    .map((file) => {
      const segments = path.relative(path.join(API, '..'), path.dirname(file)).split(path.sep);
      return { file, pattern: `/${segments.join('/')}`, segments };
    });
}

type Handler = (request: NextRequest, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;

export async function loadHandlers(route: RouteFile): Promise<[string, Handler][]> {
  const exports = (await import(route.file)) as Record<string, unknown>;
  return METHODS.filter((m) => typeof exports[m] === 'function').map((m) => [m, exports[m] as Handler]);
}

export type Call = {
  method: string;
  path: string;
  params: Record<string, string | string[]>;
  headers?: Record<string, string>;
  body?: BodyInit;
  query?: string;
};

// The session cookie of `harness.user` (none when null), as next/headers will answer it: for a
// route handler's request, or a server action called directly.
export async function signInHarnessUser(): Promise<void> {
  harness.sessionCookie = harness.user
    ? {
        name: 'next-auth.session-token',
        value: await encode({ token: { name: harness.user.name, email: harness.user.email, uid: harness.user.id, sv: harness.user.sessionVersion ?? 0 }, secret: process.env.AUTH_SECRET! }),
      }
    : null;
}

export async function call(handler: Handler, { method, path: urlPath, params, headers = {}, body, query = '' }: Call): Promise<Response> {
  const requestHeaders = new Headers({ host: 'localhost:3000', ...headers });
  harness.headers = requestHeaders;
  await signInHarnessUser();
  // The same cookie on the request itself, as a browser sends it.
  if (harness.sessionCookie) requestHeaders.set('cookie', `${harness.sessionCookie.name}=${harness.sessionCookie.value}`);
  const init: ConstructorParameters<typeof NextRequest>[1] = { method, headers: requestHeaders };
  if (body !== undefined && method !== 'GET' && method !== 'HEAD') {
    Object.assign(init, { body, duplex: 'half' });
  }
  return handler(new NextRequest(`${ORIGIN}${urlPath}${query}`, init), { params: Promise.resolve(params) });
}
