// Password hashing with argon2id (OWASP's first choice; no 72-byte limit as with bcrypt). The
// native binding ships prebuilt in the npm package, so it installs offline with no scripts.
import { hash, verify } from '@node-rs/argon2';

// Algorithm 2 = argon2id; memory and passes follow OWASP's minimum recommendation.
const OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return verify(passwordHash, password).catch(() => false);
}

// Verifying against this when the email is unknown keeps both paths equally slow, so response
// time does not reveal whether an account exists.
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('not-a-real-password-for-timing');
  return dummyHash;
}
