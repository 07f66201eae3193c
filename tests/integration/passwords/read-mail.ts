// Just enough of RFC 5322 for the tests: the body of a plain-text message, with quoted-printable
// soft line breaks and escapes undone.
export function readMail(raw: string): string {
  const body = raw.split(/\r?\n\r?\n/).slice(1).join('\n\n');
  const quoted = /content-transfer-encoding:\s*quoted-printable/i.test(raw);
  if (!quoted) return body;
  return body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
