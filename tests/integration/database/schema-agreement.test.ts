// Proves prisma/schema.prisma and the SQL migrations agree: every model, field, enum, unique
// constraint and foreign key of the schema exists in a freshly migrated database with the type
// and nullability Prisma expects, and every model round-trips every field through the client.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PrismaClient } from '@/generated/prisma/client';

type Field = { name: string; type: string; optional: boolean; list: boolean; attrs: string };
type Model = { name: string; fields: Field[]; block: string };

// Comments are dropped first: a brace in a comment ("[{ questionId, reason }]") would end a block.
const schema = readFileSync(path.join(process.cwd(), 'prisma', 'schema.prisma'), 'utf8').replace(/\/\/.*$/gm, '');
const enums = new Map(
  [...schema.matchAll(/^enum (\w+) \{([^}]*)\}/gm)].map((m) => [m[1]!, m[2]!.split(/\s+/).filter(Boolean)]),
);
const models: Model[] = [...schema.matchAll(/^model (\w+) \{([^}]*)\}/gm)].map((m) => ({
  name: m[1]!,
  block: m[2]!,
  fields: m[2]!
    .split('\n')
    .map((l) => l.replace(/\/\/.*$/, '').trim())
    .filter((l) => l && !l.startsWith('@@'))
    .map((l) => {
      const [, name, type, modifier, attrs] = /^(\w+)\s+(\w+)(\?|\[\])?\s*(.*)$/.exec(l)!;
      return { name: name!, type: type!, optional: modifier === '?', list: modifier === '[]', attrs: attrs ?? '' };
    }),
}));
const modelNames = new Set(models.map((m) => m.name));
const scalarFields = (m: Model) => m.fields.filter((f) => !modelNames.has(f.type));

function expectedColumnType(f: Field): string {
  if (f.list) return `_${f.type === 'String' ? 'text' : f.type.toLowerCase()}`;
  if (enums.has(f.type)) return f.type;
  if (f.attrs.includes('@db.Uuid')) return 'uuid';
  return ({ String: 'text', Int: 'int4', Boolean: 'bool', DateTime: 'timestamp', Json: 'jsonb' } as Record<string, string>)[f.type]!;
}

let client: pg.Client;
let prisma: PrismaClient;

beforeAll(async () => {
  client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL }) });
});

afterAll(async () => {
  await client.end();
  await prisma.$disconnect();
});

describe('schema.prisma and the migrations agree', () => {
  it('parses a non-trivial schema (guards this test against a broken parser)', () => {
    expect(models.length).toBeGreaterThanOrEqual(9);
    expect(enums.get('AttemptStatus')).toEqual(['QUEUED', 'RUNNING', 'PASSED', 'FAILED', 'ERROR', 'INFRA_ERROR']);
  });

  it('has exactly the tables of the schema', async () => {
    const { rows } = await client.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`,
    );
    expect(rows.map((r) => r.table_name).sort()).toEqual(models.map((m) => m.name).sort());
  });

  it('has every enum with the same values in the same order', async () => {
    const { rows } = await client.query(
      `SELECT t.typname, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS labels
         FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname`,
    );
    expect(Object.fromEntries(rows.map((r) => [r.typname, r.labels]))).toEqual(Object.fromEntries(enums));
  });

  for (const model of models) {
    it(`${model.name}: columns, types, nullability, keys`, async () => {
      const { rows } = await client.query(
        `SELECT column_name, udt_name, is_nullable FROM information_schema.columns WHERE table_name = $1`,
        [model.name],
      );
      const actual = Object.fromEntries(rows.map((r) => [r.column_name, { type: r.udt_name, nullable: r.is_nullable === 'YES' }]));
      const expected = Object.fromEntries(
        scalarFields(model).map((f) => [f.name, { type: expectedColumnType(f), nullable: f.optional || f.list }]),
      );
      expect(actual).toEqual(expected);

      const uniques = await client.query(
        `SELECT array_agg(a.attname::text ORDER BY k.ord) AS cols
           FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid
           CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
           JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
          WHERE c.relname = $1 AND i.indisunique GROUP BY i.indexrelid`,
        [model.name],
      );
      const expectedUniques = [
        ...model.fields.filter((f) => /@(id|unique)\b/.test(f.attrs)).map((f) => [f.name]),
        ...[...model.block.matchAll(/@@(?:id|unique)\(\[([^\]]+)\]/g)].map((m) => m[1]!.split(',').map((s) => s.trim())),
      ];
      expect(uniques.rows.map((r) => r.cols.join(',')).sort()).toEqual(expectedUniques.map((c) => c.join(',')).sort());

      const fks = await client.query(
        `SELECT kcu.column_name, ccu.table_name AS target
           FROM information_schema.table_constraints tc
           JOIN information_schema.key_column_usage kcu ON kcu.constraint_name = tc.constraint_name
           JOIN information_schema.constraint_column_usage ccu ON ccu.constraint_name = tc.constraint_name
          WHERE tc.table_name = $1 AND tc.constraint_type = 'FOREIGN KEY'`,
        [model.name],
      );
      const expectedFks = model.fields
        .filter((f) => /@relation\(.*fields:/.test(f.attrs))
        .map((f) => `${/fields: \[(\w+)\]/.exec(f.attrs)![1]}->${f.type}`);
      expect(fks.rows.map((r) => `${r.column_name}->${r.target}`).sort()).toEqual(expectedFks.sort());
    });
  }

  it('round-trips every field of every model through the generated client', async () => {
    const created = new Map<string, Record<string, unknown>>();
    // Parents before children, as the foreign keys require.
    const pending = [...models];
    while (pending.length > 0) {
      const index = pending.findIndex((m) =>
        m.fields.every((f) => !/@relation\(.*fields:/.test(f.attrs) || created.has(f.type)),
      );
      expect(index, 'the relations must not form a cycle').toBeGreaterThanOrEqual(0);
      const model = pending.splice(index, 1)[0]!;
      const foreignKeys = new Map(
        model.fields
          .filter((f) => /@relation\(.*fields:/.test(f.attrs))
          .map((f) => [/fields: \[(\w+)\]/.exec(f.attrs)![1]!, created.get(f.type)!.id]),
      );
      const data: Record<string, unknown> = {};
      for (const f of scalarFields(model)) {
        if (f.attrs.includes('@updatedAt')) continue;
        data[f.name] = foreignKeys.has(f.name) ? foreignKeys.get(f.name) : sampleValue(model, f);
      }
      const delegate = (prisma as unknown as Record<string, { create: (a: object) => Promise<Record<string, unknown>> }>)[
        model.name[0]!.toLowerCase() + model.name.slice(1)
      ]!;
      const row = await delegate.create({ data });
      for (const [key, value] of Object.entries(data)) {
        expect(row[key], `${model.name}.${key}`).toEqual(value);
      }
      created.set(model.name, row);
    }
  });
});

function sampleValue(model: Model, f: Field): unknown {
  if (f.list) return ['alpha', 'beta'];
  const values = enums.get(f.type);
  if (values) return values[values.length - 1];
  if (f.attrs.includes('@db.Uuid')) return randomUUID();
  switch (f.type) {
    case 'String':
      return `${model.name}.${f.name}-${randomUUID()}`;
    case 'Int':
      return 7;
    case 'Boolean':
      return !/@default\(true\)/.test(f.attrs);
    case 'DateTime':
      return new Date('2026-01-02T03:04:05.678Z');
    case 'Json':
      return { nested: [1, 'two', { three: true }] };
    default:
      throw new Error(`No sample for ${model.name}.${f.name}: ${f.type}`);
  }
}
