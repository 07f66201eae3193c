// next-auth's standard endpoints: /api/auth/csrf, /api/auth/callback/<provider>, /api/auth/session, …
// next-auth checks its own CSRF token on POST; we add the body limit and turn anything it throws
// on a malformed request into a 4xx.
import NextAuth from 'next-auth';
import { NextRequest, NextResponse } from 'next/server';
import { authOptions } from '@/server/auth';
import { errorResponse, withBodyWithin } from '@/server/http';

const nextAuth = NextAuth(authOptions);
// Sign-in forms are a few hundred bytes.
const AUTH_BODY_LIMIT_BYTES = 64 * 1024;

type Context = { params: Promise<{ nextauth: string[] }> };

// next-auth answers a request it has no action for with a text/plain 400 ("Error: This action
// with HTTP GET is not supported by NextAuth.js", or "[object Object]" for a session update
// without its CSRF token). API clients get the API's JSON error shape instead.
async function asJsonError(response: Response, request: NextRequest): Promise<Response> {
  if (response.status < 400 || response.headers.get('content-type')?.startsWith('application/json')) return response;
  const text = await response.text();
  if (text.includes('is not supported by NextAuth.js')) {
    const { pathname } = new URL(request.url);
    return NextResponse.json({ error: `There is no sign-in endpoint for ${request.method} ${pathname}.` }, { status: 404 });
  }
  const message = response.status === 400 ? 'The sign-in service could not read this request. Reload the page and try again.' : 'The sign-in service could not handle this request.';
  return NextResponse.json({ error: message }, { status: response.status });
}

async function handler(request: NextRequest, context: Context): Promise<Response> {
  try {
    // next-auth answers 500 ("not supported") to a GET on the credentials callback.
    const [action, provider] = (await context.params).nextauth ?? [];
    if (request.method === 'GET' && action === 'callback' && provider === 'credentials') {
      return NextResponse.json({ error: 'Sign in with the form (POST).' }, { status: 405, headers: { Allow: 'POST' } });
    }
    const limited = await withBodyWithin(request, AUTH_BODY_LIMIT_BYTES, (init) => new NextRequest(request.url, init));
    return await asJsonError(await nextAuth(limited, context), request);
  } catch (error) {
    return errorResponse(error);
  }
}

export { handler as GET, handler as POST };
