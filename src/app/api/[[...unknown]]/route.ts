// /api itself and any /api path no route handles: a JSON 404 in the API's error shape, for every
// method, instead of the HTML "Page not found" page (a script reading JSON would choke on it).
// Optional ([[...]]), so that /api alone is matched too. Next.js matches every real route first,
// /api/auth/[...nextauth] included. OPTIONS too: Next.js would otherwise answer it 204 with an
// Allow header, as if something were there.
import { NotFoundError } from '@/server/errors';
import { route } from '@/server/http';

const notFound = route(async (request) => {
  throw new NotFoundError(`There is no API at ${new URL(request.url).pathname}. See the README for the routes Rehearse serves.`);
});

export const GET = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
export const OPTIONS = notFound;
