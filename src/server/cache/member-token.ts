// Whether a request may have the signed-in ("member") copy of a cached question page: it carries a
// session token this server issued that has not expired. Decrypting the token proves that; the
// database is not asked. The member copy holds only what every account sees (anyone may sign up),
// never anyone's own data: that loads beside it with the full session check, which also refuses
// disabled accounts and signed-out sessions (docs/decisions/017).
import { decodeSessionToken } from '../users/decode-session-token';

export async function isMemberToken(token: string, now = Date.now()): Promise<boolean> {
  return (await decodeSessionToken(token, process.env.AUTH_SECRET ?? process.env.NEXTAUTH_SECRET, now)) !== null;
}
