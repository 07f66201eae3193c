// Next.js proxy (formerly middleware) for pages: a Content-Security-Policy with a fresh nonce per
// request. Next.js reads the policy from the request headers and puts the nonce on its own inline
// scripts, so no inline script runs without it. Every page renders dynamically (see
// app/layout.tsx), which nonces need. The other security headers, and the API's policy, are
// static and set in next.config.ts.
import { NextResponse, type NextRequest } from 'next/server';
import { RENDER_NONCE_HEADER, renderNonceSecret } from '@/server/cache/page-micro-cache';
import { publicPageCacheControl } from '@/server/cache/public-cache-control';

export function contentSecurityPolicy(nonce: string, isDev: boolean): string {
  return [
    "default-src 'self'",
    // 'strict-dynamic': scripts loaded by a nonced script (Next's chunks) may run; nothing else.
    // Development's React refresh needs eval; production never gets it.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDev ? " 'unsafe-eval'" : ''}`,
    // CodeMirror and React style attributes write inline styles; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https:",
    "font-src 'self' data:",
    `connect-src 'self'${isDev ? ' ws: wss:' : ''}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export function proxy(request: NextRequest) {
  // The web server's page cache renders with its secret placeholder nonce, which it replaces with
  // a fresh one in every response it serves (src/server/cache/page-micro-cache.ts). Only a request
  // carrying that exact secret gets it; everyone else gets a fresh nonce here.
  const secret = renderNonceSecret();
  const nonce = secret && request.headers.get(RENDER_NONCE_HEADER) === secret ? secret : Buffer.from(crypto.randomUUID()).toString('base64');
  const policy = contentSecurityPolicy(nonce, process.env.NODE_ENV === 'development');
  const headers = new Headers(request.headers);
  headers.set('x-nonce', nonce);
  headers.set('Content-Security-Policy', policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('Content-Security-Policy', policy);
  // Anonymous views of public pages may be kept briefly by a CDN (docs/decisions/017).
  const cacheControl = publicPageCacheControl(request.nextUrl.pathname, request.cookies.getAll().map((c) => c.name));
  if (cacheControl) response.headers.set('Cache-Control', cacheControl);
  return response;
}

export const config = {
  // Pages only: API routes get a static policy from next.config.ts, and skipping them here keeps
  // their request bodies streaming straight to the handler (a proxy would buffer them).
  matcher: [
    {
      source: '/((?!api/|_next/static|_next/image|favicon.ico).*)',
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};
