// next-auth answers a request it has no action for with a text/plain 400 ("Error: This action
// with HTTP GET is not supported by NextAuth.js", or "[object Object]" for a session update
// without its CSRF token). API clients get the API's JSON error shape instead; next-auth's other
// headers (a fresh CSRF cookie) go out with it.
import { NextResponse } from 'next/server';

function headersBesidesBody(response: Response): Headers {
  const headers = new Headers(response.headers);
  headers.delete('content-type');
  headers.delete('content-length');
  return headers;
}

export async function nextAuthErrorAsJson(response: Response, request: Request): Promise<Response> {
  if (response.status < 400 || response.headers.get('content-type')?.startsWith('application/json')) return response;
  const text = await response.text();
  const headers = headersBesidesBody(response);
  if (text.includes('is not supported by NextAuth.js')) {
    const { pathname } = new URL(request.url);
    return NextResponse.json({ error: `There is no sign-in endpoint for ${request.method} ${pathname}.` }, { status: 404, headers });
  }
  const message = response.status === 400 ? 'The sign-in service could not read this request. Reload the page and try again.' : 'The sign-in service could not handle this request.';
  return NextResponse.json({ error: message }, { status: response.status, headers });
}
