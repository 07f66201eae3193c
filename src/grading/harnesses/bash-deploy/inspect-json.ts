// docker inspect's output without --format: the objects as JSON, indented by four, as
// JSON.stringify(items, null, 4) writes them, but stopped once it passes `maxChars`. One short
// request can name the same object thousands of times (2 MB of JSON for a 16 KB call), and the
// reply is cut at the relay's cap anyway, with a mark, so what lies past it is never built.
import { MAX_FORMAT_OUTPUT_CHARS } from './render-docker-format';

export function inspectJson(items: unknown[], maxChars = MAX_FORMAT_OUTPUT_CHARS): string {
  if (items.length === 0) return '[]\n';
  let out = '[\n';
  for (const [i, item] of items.entries()) {
    if (out.length > maxChars) return out;
    // The item as an element of the array: "[\n" and "\n]" cut off.
    out += `${i > 0 ? ',\n' : ''}${JSON.stringify([item], null, 4).slice(2, -2)}`;
  }
  return `${out}\n]\n`;
}
