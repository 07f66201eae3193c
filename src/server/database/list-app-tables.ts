// The application's tables in the public schema, parents before children (by foreign keys), so a
// restore can insert them in this order. The migrations record is not one of them.
import type pg from 'pg';

export async function listAppTables(client: pg.Client | pg.PoolClient): Promise<string[]> {
  const { rows: tables } = await client.query<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY tablename`,
  );
  const { rows: edges } = await client.query<{ child: string; parent: string }>(
    `SELECT c.relname AS child, p.relname AS parent
     FROM pg_constraint k
     JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
     JOIN pg_class p ON p.oid = k.confrelid
     WHERE k.contype = 'f' AND n.nspname = 'public' AND c.relname <> p.relname`,
  );
  const ordered: string[] = [];
  const remaining = new Set(tables.map((t) => t.name));
  while (remaining.size > 0) {
    const ready = [...remaining].filter((name) => !edges.some((e) => e.child === name && remaining.has(e.parent)));
    if (ready.length === 0) throw new Error(`Foreign keys form a cycle between ${[...remaining].join(', ')}; cannot order a restore.`);
    for (const name of ready) {
      ordered.push(name);
      remaining.delete(name);
    }
  }
  return ordered;
}
