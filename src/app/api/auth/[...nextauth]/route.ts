// next-auth's standard endpoints: /api/auth/csrf, /api/auth/callback/<provider>, /api/auth/session, …
// next-auth checks its own CSRF token on POST; we add the body limit and turn anything it throws
// on a malformed request into a 4xx.
import NextAuth from 'next-auth';
import { NextRequest, NextResponse } from 'next/server';
import { authOptions } from '@/server/auth';
import { errorResponse, withBodyWithin } from '@/server/http';
import { nextAuthErrorAsJson } from '@/server/users/next-auth-error-as-json';

const nextAuth = NextAuth(authOptions);
// Sign-in forms are a few hundred bytes.
const AUTH_BODY_LIMIT_BYTES = 64 * 1024;

type Context = { params: Promise<{ nextauth: string[] }> };

async function handler(request: NextRequest, context: Context): Promise<Response> {
  try {
    // next-auth answers 500 ("not supported") to a GET on the credentials callback.
    const [action, provider] = (await context.params).nextauth ?? [];
    if (request.method === 'GET' && action === 'callback' && provider === 'credentials') {
      return NextResponse.json({ error: 'Sign in with the form (POST).' }, { status: 405, headers: { Allow: 'POST' } });
    }
    // Next.js answers HEAD with this (GET) handler but hands it the request as it came, and
    // next-auth, which routes by method, answered HEAD with a 404: HEAD now asks what GET would
    // (Node sends no body for a HEAD).
    if (request.method === 'HEAD') request = new NextRequest(request.url, { method: 'GET', headers: request.headers });
    const limited = await withBodyWithin(request, AUTH_BODY_LIMIT_BYTES, (init) => new NextRequest(request.url, init));
    return await nextAuthErrorAsJson(await nextAuth(limited, context), request);
  } catch (error) {
    return errorResponse(error);
  }
}

export { handler as GET, handler as POST };
