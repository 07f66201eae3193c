// Only same-site paths may be used as a "return to" address, so a sign-in link cannot send
// someone to another site afterwards.
export function safeCallbackUrl(value: unknown, fallback = '/'): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return fallback;
  return value;
}
