// Prisma's contains / startsWith / endsWith become LIKE (ILIKE) patterns on Postgres and pass the
// value through unescaped, so a search for "%" matched every row and "_" any one character.
// Escaped with LIKE's default escape character, a backslash, each character matches only itself.
export function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
