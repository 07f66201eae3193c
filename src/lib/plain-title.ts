// A page title from a Markdown prompt: Markdown marks removed, cut at a word boundary with an
// ellipsis only when it had to be cut. Client-safe.
// Only marks are removed, never the characters themselves: `compare_manifests(old: dict) -> bool`
// and snake_case words keep their underscores and arrows (they are code, not emphasis).
function stripMarks(text: string): string {
  return text
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^[ \t]{0,3}#{1,6}[ \t]+/gm, '')
    .replace(/^[ \t]{0,3}>[ \t]?/gm, '')
    .replace(/(\*\*|__|~~)(?=\S)([\s\S]*?\S)\1/g, '$2')
    .replace(/(^|[^\w*])\*(?=\S)([^*\n]*?\S)\*(?!\w)/g, '$1$2')
    .replace(/(^|[^\w])_(?=\S)([^_\n]*?\S)_(?!\w)/g, '$1$2');
}

export function plainTitle(markdown: string, max = 120): string {
  // Code spans are kept as they are written; marks are removed between them.
  const plain = markdown
    .replace(/```[\s\S]*?```/g, ' ')
    .split(/(`[^`]*`)/)
    .map((part, i) => (i % 2 === 1 ? part.slice(1, -1) : stripMarks(part)))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
  if (plain.length <= max) return plain;
  const cut = plain.slice(0, max + 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : plain.slice(0, max)).replace(/[\s,.;:]+$/, '')}…`;
}
