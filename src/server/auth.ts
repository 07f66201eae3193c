// next-auth configuration and the session helpers every page and handler uses. Sessions are JWTs
// (no session table); the role is re-read from the database on every check, so demoting an admin
// takes effect at once, and each read re-checks the session version (a disabled account or a
// changed password ends older sessions at once).
import { type NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import GitHubProvider from 'next-auth/providers/github';
import GoogleProvider from 'next-auth/providers/google';
import { cookies } from 'next/headers';
import { forbidden, redirect } from 'next/navigation';
import { cache } from 'react';
import { clientAddress } from './client-address';
import { prisma } from './db';
import { ForbiddenError, UnauthorizedError } from './errors';
import type { Role } from './users/schemas';
import { signInPath } from '@/lib/sign-in-path';
import { sameSiteRedirect } from '@/lib/safe-callback-url';
import { decodeSessionToken, type SessionClaims } from './users/decode-session-token';
import { isSessionCurrent } from './users/is-session-current';
import { verifyCredentials } from './users/verify-credentials';

declare module 'next-auth' {
  interface Session {
    user: { id: string; email: string; name?: string | null; role: Role };
  }
  interface User {
    role?: Role;
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    uid?: string;
    role?: Role;
    sv?: number;
  }
}

export type SessionUser = { id: string; email: string; name: string | null; role: Role };

function oauthProviders() {
  const providers = [];
  if (process.env.GITHUB_ID && process.env.GITHUB_SECRET) {
    providers.push(GitHubProvider({ clientId: process.env.GITHUB_ID, clientSecret: process.env.GITHUB_SECRET }));
  }
  if (process.env.GOOGLE_CLIENT_ID && process.env.GOOGLE_CLIENT_SECRET) {
    providers.push(GoogleProvider({ clientId: process.env.GOOGLE_CLIENT_ID, clientSecret: process.env.GOOGLE_CLIENT_SECRET }));
  }
  return providers;
}

export const enabledOAuthProviders = () => oauthProviders().map((p) => ({ id: p.id, name: p.name }));

export const authOptions: NextAuthOptions = {
  secret: process.env.AUTH_SECRET ?? process.env.NEXTAUTH_SECRET,
  session: { strategy: 'jwt', maxAge: 30 * 24 * 60 * 60 },
  // Our pages, not next-auth's built-in HTML: its errors (a failed OAuth sign-in, a disabled
  // account) land on the sign-in page with `?error=<code>` (lib/sign-in-error-message.ts), and a
  // sign-out that needs confirming (a stale CSRF token) asks on /sign-out.
  pages: { signIn: '/sign-in', error: '/sign-in', signOut: '/sign-out', verifyRequest: '/sign-in' },
  providers: [
    CredentialsProvider({
      name: 'Email and password',
      credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
      async authorize(credentials, request) {
        // A throttled sign-in throws; next-auth passes the message ("Try again in N seconds") on.
        const user = await verifyCredentials({ input: credentials, address: clientAddress(request?.headers) });
        return user ? { id: user.id, email: user.email, name: user.name, role: user.role } : null;
      },
    }),
    ...oauthProviders(),
  ],
  callbacks: {
    async redirect({ url, baseUrl }) {
      return sameSiteRedirect(url, baseUrl);
    },
    async signIn({ user, account }) {
      if (account?.provider === 'credentials') return true;
      // OAuth: the email is the account; first sign-in creates a candidate.
      if (!user.email) return false;
      const email = user.email.toLowerCase();
      const row = await prisma.user.upsert({ where: { email }, create: { email, name: user.name ?? null }, update: {}, select: { disabledAt: true } });
      return row.disabledAt === null;
    },
    async jwt({ token, user, account }) {
      if (user && account) {
        const email = (user.email ?? '').toLowerCase();
        const row = await prisma.user.findUnique({
          where: account.provider === 'credentials' ? { id: user.id } : { email },
          select: { id: true, role: true, sessionVersion: true },
        });
        token.uid = row?.id;
        // Display only: server-side checks re-read the role from the database.
        token.role = row?.role;
        token.sv = row?.sessionVersion;
        return token;
      }
      if (token.uid && !(await isSessionCurrent({ userId: token.uid, sessionVersion: token.sv }))) return {};
      return token;
    },
    async session({ session, token }) {
      // next-auth fills session.user from the decoded cookie before this runs, so a token the jwt
      // callback just ended (or one it emptied earlier) would still show a name and email on
      // /api/auth/session. No user id means signed out: the same empty session a caller with no
      // cookie gets.
      if (!token.uid) return {} as typeof session;
      session.user = { ...session.user, id: token.uid, email: session.user?.email ?? '', role: token.role ?? 'CANDIDATE' };
      return session;
    },
  },
};

// The session cookie as next-auth names it (secure cookies when the app's URL is https), joined
// from its chunks when next-auth had to split a large token.
function sessionCookieName(): string {
  const secure = authOptions.useSecureCookies ?? process.env.NEXTAUTH_URL?.startsWith('https://') ?? false;
  return `${secure ? '__Secure-' : ''}next-auth.session-token`;
}

async function readSessionCookie(): Promise<string | undefined> {
  const name = sessionCookieName();
  const jar = await cookies();
  const whole = jar.get(name)?.value;
  if (whole) return whole;
  const chunks = jar
    .getAll()
    .filter((c) => c.name.startsWith(`${name}.`))
    .sort((a, b) => Number(a.name.slice(name.length + 1)) - Number(b.name.slice(name.length + 1)));
  return chunks.length > 0 ? chunks.map((c) => c.value).join('') : undefined;
}

// The session token's claims, or null when the request has none that decrypts (nothing is read
// from the database).
async function readSessionClaims(): Promise<SessionClaims | null> {
  const raw = await readSessionCookie();
  return raw ? decodeSessionToken(raw, authOptions.secret) : null;
}

// The user row behind the claims, if the session is still current (account enabled, session
// version unchanged; see users/is-session-current.ts), with the role as it is now.
async function currentSessionUser(claims: SessionClaims): Promise<SessionUser | null> {
  const row = await prisma.user.findUnique({
    where: { id: claims.uid },
    select: { id: true, email: true, name: true, role: true, disabledAt: true, sessionVersion: true },
  });
  if (!row || row.disabledAt !== null || row.sessionVersion !== claims.sv) return null;
  return { id: row.id, email: row.email, name: row.name, role: row.role };
}

// The signed-in user as the database knows them now, or null. One indexed query: the JWT is
// decrypted (once per token: users/decode-session-token.ts), and the user row answers
// both questions at once, whether the session is still current and what the role is now.
// Memoised per request, so the header, the page and its parts share one check.
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const claims = await readSessionClaims();
  return claims ? currentSessionUser(claims) : null;
});

// For route handlers: 401 when signed out.
export async function requireUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) throw new UnauthorizedError();
  return user;
}

// For a handler whose own reads do not depend on who is asking (POST /api/attempts): 401 at once
// when the request carries no valid session token, before anything is read; otherwise the
// database's check of the session, started and not awaited, so it runs beside those reads (one
// round trip fewer). `user` rejects with 401 when the session is no longer current: await it
// before anything is written or shown.
export async function startUserCheck(): Promise<{ user: Promise<SessionUser> }> {
  const claims = await readSessionClaims();
  if (!claims) throw new UnauthorizedError();
  const user = currentSessionUser(claims).then((found) => {
    if (!found) throw new UnauthorizedError();
    return found;
  });
  // The caller awaits it; this only keeps a request refused early (say, a malformed body) from
  // leaving the check's rejection unhandled.
  user.catch(() => {});
  return { user };
}

// For admin route handlers: 401 when signed out, 403 for anyone but an admin.
export async function requireAdmin(): Promise<SessionUser> {
  const user = await requireUser();
  if (user.role !== 'ADMIN') throw new ForbiddenError('This is for admins only.');
  return user;
}

// For pages: send a signed-out visitor to sign in and back here afterwards.
export async function requirePageUser(returnTo: string): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect(signInPath(returnTo));
  return user;
}

// For admin pages: sign in first; a signed-in non-admin gets the 403 page.
export async function requireAdminPage(returnTo: string): Promise<SessionUser> {
  const user = await requirePageUser(returnTo);
  if (user.role !== 'ADMIN') forbidden();
  return user;
}
