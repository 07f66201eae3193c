// Every route in src/app/api (found from the source tree, so a new route is fuzzed the day it is
// added), every exported method, anonymous and signed in as a candidate and as an admin, with
// malformed requests: bad JSON, wrong content types, foreign origins, a body over every limit,
// invalid UTF-8, NUL and other control characters, deep nesting, wrong types, missing fields,
// and bad percent-encoding in path parameters and queries. No answer may be a 500.
import { harness, call, findApiRoutes, loadHandlers, ORIGIN, type Call, type RouteFile } from './route-harness';
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '@/server/db';
import { resetDatabase } from '../../support/reset-database';

const ids = { question: '', attempt: '', topic: 'ops', candidate: '', admin: '' };

beforeAll(async () => {
  await resetDatabase();
  const topic = await prisma.topic.create({ data: { slug: ids.topic, name: 'Ops', description: 'Operations.', published: true }, select: { id: true } });
  const question = await prisma.question.create({
    data: { slug: 'rolling-deploys', topicId: topic.id, prompt: 'How do you roll out safely?', difficulty: 'EASY', type: 'TECHNICAL', answerKind: 'WRITTEN', published: true },
    select: { id: true },
  });
  const version = await prisma.questionVersion.create({ data: { questionId: question.id, version: 1, rubric: { v: 1 }, publishedAt: new Date() }, select: { id: true } });
  ids.question = question.id;
  ids.candidate = (await prisma.user.create({ data: { email: 'cand@example.com' }, select: { id: true } })).id;
  ids.admin = (await prisma.user.create({ data: { email: 'admin@example.com', role: 'ADMIN' }, select: { id: true } })).id;
  ids.attempt = (
    await prisma.attempt.create({
      data: { userId: ids.candidate, questionId: question.id, questionVersionId: version.id, answer: 'an answer', answerKind: 'WRITTEN', status: 'PASSED' },
      select: { id: true },
    })
  ).id;
});

const encoder = new TextEncoder();
const JSON_SAME_ORIGIN = { 'content-type': 'application/json', origin: ORIGIN };
const huge = (bytes: number) => `{"answer":"${'x'.repeat(bytes)}"}`;
// 16 MB streamed with no Content-Length, so only a limit enforced while reading catches it.
const streamed = () => {
  const chunk = encoder.encode('["' + 'y'.repeat(64 * 1024));
  let left = 256;
  return new ReadableStream<Uint8Array>({ pull: (controller) => (left-- > 0 ? controller.enqueue(chunk) : controller.close()) });
};

function bodies(): { name: string; body: BodyInit; headers?: Record<string, string> }[] {
  const everyField = (text: string) =>
    JSON.stringify({
      questionId: ids.question,
      answer: `line one\nline ${text} two`,
      email: `fuzz${text}@example.com`,
      password: `a-long-password${text}`,
      name: `Lin${text}`,
      recall: 'GOOD',
      format: 'rehearse-bundle',
      formatVersion: 1,
      topic: { slug: 'ops', name: `Ops${text}`, description: `d${text}`, published: true },
      questions: [],
    });
  return [
    { name: 'bad JSON', body: '{' },
    { name: 'truncated JSON', body: '{"answer": "abc' },
    { name: 'null', body: 'null' },
    { name: 'array', body: '[]' },
    { name: 'string', body: '"answer"' },
    { name: 'number', body: '123' },
    { name: 'missing fields', body: '{}' },
    { name: 'wrong types', body: '{"questionId":5,"answer":[],"email":{},"password":1,"name":false,"recall":7,"format":1,"topic":"x","questions":{}}' },
    { name: 'NUL in every field', body: everyField('\u0000') },
    { name: 'control character in every field', body: everyField('\u0007') },
    { name: 'unpaired surrogate in every field', body: everyField('\ud800') },
    { name: 'NUL in a key', body: '{"answer\\u0000":"x","questionId":"' + ids.question + '"}' },
    { name: 'NUL with a valid email (registration)', body: JSON.stringify({ email: 'nul@example.com', password: 'a-long-password', name: 'Lin\u0000' }) },
    { name: 'NUL answer to a real question', body: JSON.stringify({ questionId: ids.question, answer: 'echo hi\u0000' }) },
    { name: 'invalid UTF-8', body: new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]) },
    { name: 'deep nesting', body: `${'['.repeat(100_000)}${']'.repeat(100_000)}` },
    { name: 'over the JSON limit', body: huge(300 * 1024) },
    { name: 'over the bundle limit', body: huge(6 * 1024 * 1024) },
    { name: 'streamed body over every limit', body: streamed() },
    { name: 'form-encoded NUL', body: 'email=a%00%40example.com&password=%00&csrfToken=%ff', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN } },
  ];
}

const HEADER_VARIANTS: { name: string; headers: Record<string, string> }[] = [
  { name: 'text/plain (a cross-site form)', headers: { 'content-type': 'text/plain', origin: ORIGIN } },
  { name: 'form-encoded', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN } },
  { name: 'multipart', headers: { 'content-type': 'multipart/form-data; boundary=x', origin: ORIGIN } },
  { name: 'no content type', headers: { origin: ORIGIN } },
  { name: 'foreign origin', headers: { 'content-type': 'application/json', origin: 'https://evil.example' } },
  { name: 'null origin', headers: { 'content-type': 'application/json', origin: 'null' } },
  { name: 'garbage origin', headers: { 'content-type': 'application/json', origin: '%ff://\u00e9' } },
  { name: 'no origin', headers: { 'content-type': 'application/json' } },
  { name: 'cross-site fetch metadata', headers: { 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' } },
  { name: 'same-origin fetch metadata', headers: { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin' } },
  { name: 'lying content length', headers: { ...JSON_SAME_ORIGIN, 'content-length': '999999999' } },
];

const BAD_SEGMENTS = ['%ff', '%', 'a\u0000b', '..%2f..%2f', 'x'.repeat(5_000), ' ', '\ud800'];
const BAD_QUERIES = ['?topic=%ff', '?topic=a%00b', '?topic=a&topic=b', `?topic=${'x'.repeat(5_000)}`, '?topic[]=x', '?%ff=%ff'];

function validParams(route: RouteFile): Record<string, string | string[]> {
  const params: Record<string, string | string[]> = {};
  for (const segment of route.segments) {
    const name = segment.replace(/^\[{1,2}(\.\.\.)?|\]{1,2}$/g, '');
    if (segment.startsWith('[...') || segment.startsWith('[[...')) params[name] = ['session'];
    else if (segment.startsWith('[')) params[name] = name === 'slug' ? ids.topic : route.pattern.includes('/attempts/[id]') ? ids.attempt : ids.question;
  }
  return params;
}

function paramVariants(route: RouteFile): Record<string, string | string[]>[] {
  const valid = validParams(route);
  const variants: Record<string, string | string[]>[] = [];
  for (const [name, value] of Object.entries(valid)) {
    if (Array.isArray(value)) {
      // A catch-all always has at least one segment (/api/auth alone is not this route).
      for (const parts of [['csrf'], ['providers'], ['callback', 'credentials'], ['signin', 'credentials'], ['signout'], ['error'], ['nope'], ...BAD_SEGMENTS.map((s) => [s]), ['callback', '%ff']]) {
        variants.push({ ...valid, [name]: parts });
      }
    } else {
      for (const bad of BAD_SEGMENTS) variants.push({ ...valid, [name]: bad });
    }
  }
  return variants;
}

const urlOf = (route: RouteFile, params: Record<string, string | string[]>) =>
  route.segments
    .map((segment) => {
      const name = segment.replace(/^\[{1,2}(\.\.\.)?|\]{1,2}$/g, '');
      const value = params[name];
      if (value === undefined) return segment;
      return (Array.isArray(value) ? value : [value]).map((v) => encodeURIComponent(v.replace(/[\ud800-\udfff]/g, '\ufffd'))).join('/');
    })
    .reduce((url, part) => `${url}/${part}`, '');

const routes = findApiRoutes();

it('finds every API route in the source tree', () => {
  const patterns = routes.map((r) => r.pattern);
  expect(patterns).toEqual(expect.arrayContaining(['/api/attempts', '/api/attempts/[id]', '/api/auth/[...nextauth]', '/api/auth/register', '/api/admin/bundles']));
  expect(patterns.length).toBeGreaterThanOrEqual(11);
});

describe.each([
  ['anonymous', () => null],
  ['a candidate', () => ({ id: ids.candidate })],
  ['an admin', () => ({ id: ids.admin })],
])('as %s', (_who, user) => {
  it.each(routes.map((r) => [r.pattern, r] as const))('%s never answers 500 to malformed requests', async (_pattern, route) => {
    harness.user = user();
    const failures: string[] = [];
    let calls = 0;
    const check = async (handler: Parameters<typeof call>[0], request: Call, label: string) => {
      calls++;
      const response = await call(handler, request);
      // 503 is a deliberate answer (/api/ready with no worker, a full queue); anything else 5xx is a crash.
      if (response.status >= 500 && response.status !== 503) failures.push(`${request.method} ${request.path}${request.query ?? ''} (${label}): ${response.status} ${await response.text()}`);
    };
    for (const [method, handler] of await loadHandlers(route)) {
      const params = validParams(route);
      const path = urlOf(route, params);
      const writes = method !== 'GET' && method !== 'HEAD';
      for (const bad of paramVariants(route)) {
        await check(handler, { method, path: urlOf(route, bad), params: bad, ...(writes ? { headers: JSON_SAME_ORIGIN, body: '{}' } : {}) }, `params ${JSON.stringify(bad).slice(0, 60)}`);
      }
      if (!writes) {
        for (const query of BAD_QUERIES) await check(handler, { method, path, params, query }, `query ${query.slice(0, 40)}`);
        continue;
      }
      for (const { name, body, headers } of bodies()) {
        await check(handler, { method, path, params, headers: headers ?? JSON_SAME_ORIGIN, body }, name);
      }
      for (const { name, headers } of HEADER_VARIANTS) {
        await check(handler, { method, path, params, headers, body: encoder.encode('{"answer":"x"}') }, name);
      }
    }
    expect(calls).toBeGreaterThan(0);
    expect(failures).toEqual([]);
  });
});
