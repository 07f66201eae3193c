// A page title from a Markdown prompt: Markdown marks removed, cut at a word boundary with an
// ellipsis only when it had to be cut. Client-safe.
// Only marks are removed, never the characters themselves: `compare_manifests(old: dict) -> bool`
// and snake_case words keep their underscores and arrows (they are code, not emphasis).
// A table keeps its cells (", " between them, "; " after a row) and loses its pipes and its
// delimiter row ("| --- | :-: |"), which read as noise in a title.
const TABLE_DELIMITER_ROW = /^[ \t]*\|?(?:[ \t]*:?-+:?[ \t]*\|)+[ \t]*(?::?-+:?[ \t]*)?$/gm;
const TABLE_ROW = /^[ \t]*\|(.*)$/gm;
const tableCells = (_: string, row: string) => `${row.split('|').map((cell) => cell.trim()).filter(Boolean).join(', ')};`;

function stripMarks(text: string): string {
  return text
    .replace(TABLE_DELIMITER_ROW, '')
    .replace(TABLE_ROW, tableCells)
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^[ \t]{0,3}#{1,6}[ \t]+/gm, '')
    .replace(/^[ \t]{0,3}>[ \t]?/gm, '')
    .replace(/(\*\*|~~)(?=\S)([\s\S]*?\S)\1/g, '$2')
    .replace(/(^|[^\w])__(?=\S)([\s\S]*?\S)__(?!\w)/g, '$1$2')
    .replace(/(^|[^\w*])\*(?=\S)([^*\n]*?\S)\*(?!\w)/g, '$1$2')
    .replace(/(^|[^\w])_(?=\S)([^_\n]*?\S)_(?!\w)/g, '$1$2');
}

// Code spans stand aside as placeholders (private-use characters, which no mark rule matches and
// which count as text for the marks around them) while the marks are removed, then come back as
// written.
const OPEN = '\uE000';
const CLOSE = '\uE001';

export function plainTitle(markdown: string, max = 120): string {
  const spans: string[] = [];
  const marked = markdown
    .replace(/[\uE000\uE001]/g, '')
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/`([^`]*)`/g, (_, code: string) => `${OPEN}${spans.push(code) - 1}${CLOSE}`);
  const plain = stripMarks(marked)
    .replace(/\uE000(\d+)\uE001/g, (_, i: string) => spans[Number(i)]!)
    .replace(/\s+/g, ' ')
    .trim();
  if (plain.length <= max) return plain;
  const cut = plain.slice(0, max + 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : plain.slice(0, max)).replace(/[\s,.;:]+$/, '')}…`;
}
