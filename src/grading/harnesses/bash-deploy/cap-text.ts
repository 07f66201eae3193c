// Cuts text to at most `maxBytes` of UTF-8 and says how much was cut, so a bounded reply or
// recorded argument still shows that there was more.
export function capText(text: string, maxBytes: number): string {
  // Cheap exit: a string of n UTF-16 units is at most 3n bytes of UTF-8.
  if (text.length * 3 <= maxBytes) return text;
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length <= maxBytes) return text;
  // Cutting inside a multi-byte character leaves a replacement character; drop it.
  const kept = bytes.subarray(0, maxBytes).toString('utf8').replace(/\uFFFD$/, '');
  return `${kept}…[truncated ${bytes.length - Buffer.byteLength(kept)} bytes]`;
}
