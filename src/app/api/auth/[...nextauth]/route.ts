// next-auth's standard endpoints: /api/auth/csrf, /api/auth/callback/<provider>, /api/auth/session, …
import NextAuth from 'next-auth';
import { authOptions } from '@/server/auth';

const handler = NextAuth(authOptions);

export { handler as GET, handler as POST };
