// The structured logger: JSON lines with the service and ids, and nothing secret in them.
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '@/server/observability/logger';

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  return { lines, destination };
}

describe('createLogger', () => {
  it('writes one JSON object per line with the level, time, service and the ids given', () => {
    const { lines, destination } = capture();
    const log = createLogger({ service: 'worker', destination });
    log.level = 'info';
    log.info({ jobId: 'j1', attemptId: 'a1', durationMs: 12 }, 'job graded');
    const entry = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(entry).toMatchObject({ level: 'info', service: 'worker', jobId: 'j1', attemptId: 'a1', durationMs: 12, msg: 'job graded' });
    expect(typeof entry.time).toBe('string');
  });

  it('redacts answers, passwords, tokens, cookies and connection strings, also one level down', () => {
    const { lines, destination } = capture();
    const log = createLogger({ service: 'web', destination });
    log.level = 'info';
    log.info(
      {
        answer: 'my secret answer',
        password: 'hunter2',
        user: { id: 'u1', password: 'hunter2', passwordHash: '$argon2id$…' },
        headers: { authorization: 'Bearer abc', cookie: 'session=abc' },
        attempt: { id: 'a1', answer: 'print(1)' },
        databaseUrl: 'postgresql://u:p@h/db',
      },
      'careless call',
    );
    expect(lines[0]).not.toMatch(/hunter2|my secret answer|print\(1\)|Bearer abc|session=abc|u:p@h|argon2/);
    expect(JSON.parse(lines[0]!)).toMatchObject({ user: { id: 'u1', password: '[redacted]' }, attempt: { id: 'a1', answer: '[redacted]' } });
  });
});
