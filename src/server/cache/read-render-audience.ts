// Whether this render is the web server's member copy of a page (page-micro-cache.ts): a render
// for every signed-in reader at once, with no session of its own. Only a request carrying this
// process's secret render nonce can ask for it, so no client can (docs/decisions/017).
import { headers } from 'next/headers';
import { RENDER_AUDIENCE_HEADER, RENDER_NONCE_HEADER, renderNonceSecret } from './page-micro-cache';

export async function isMemberCopyRender(): Promise<boolean> {
  const secret = renderNonceSecret();
  if (!secret) return false;
  const request = await headers();
  return request.get(RENDER_NONCE_HEADER) === secret && request.get(RENDER_AUDIENCE_HEADER) === 'member';
}
