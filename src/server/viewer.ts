// Who a page or public read is rendered for: a signed-in user (their own render), the member copy
// the web server caches for every signed-in reader (their own parts then load in the browser), or
// nobody.
// Memoised per request, so the header and the page agree.
import { cache } from 'react';
import { getSessionUser, type SessionUser } from './auth';
import { isMemberCopyRender } from './cache/read-render-audience';

export type Viewer = { user: SessionUser | null; signedIn: boolean };

export const getViewer = cache(async (): Promise<Viewer> => {
  if (await isMemberCopyRender()) return { user: null, signedIn: true };
  const user = await getSessionUser();
  return { user, signedIn: user !== null };
});
