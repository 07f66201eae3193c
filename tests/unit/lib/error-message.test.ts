// errorMessage gives the words a log reader needs: Prisma's blank line and "Invalid … invocation:"
// preamble are dropped (the readiness check showed "" and the worker's log four lines for one
// refused connection). The Prisma messages are the ones Prisma 7 printed here.
import { describe, expect, it } from 'vitest';
import { errorMessage } from '@/lib/error-message';

describe('errorMessage', () => {
  it("reduces Prisma's message to the driver's words", () => {
    const unreachable = new Error("\nInvalid `prisma.$queryRaw()` invocation:\n\n\nRaw query failed. Code: `N/A`. Message: `Can't reach database server at 127.0.0.1:1`");
    expect(errorMessage(unreachable)).toBe("Can't reach database server at 127.0.0.1:1");
    const stopping = new Error('\nInvalid `prisma.$queryRaw()` invocation:\n\n\nRaw query failed. Code: `57P03`. Message: `the database system is shutting down`');
    expect(errorMessage(stopping)).toBe('the database system is shutting down');
    const unique = new Error('\nInvalid `prisma.user.create()` invocation:\n\n\nUnique constraint failed on the fields: (`email`)');
    expect(errorMessage(unique)).toBe('Unique constraint failed on the fields: (`email`)');
  });

  it('reduces it too where Prisma names the call site (outside production: a file, a line and the code around it)', () => {
    // What Prisma 7 printed under NODE_ENV=development for a query with the database down.
    const withCallsite = new Error(
      "\nInvalid `prisma.user.findMany()` invocation in\n/app/src/server/users/list-users.ts:6:25\n\n  3 \n  4 export async function listUsers(email: string) {\n  5   const where = { email };\n→ 6   return prisma.user.findMany(\nCan't reach database server at 127.0.0.1:1",
    );
    expect(errorMessage(withCallsite)).toBe("Can't reach database server at 127.0.0.1:1");
  });

  it('leaves every other message as it is, and shows what is not an Error', () => {
    expect(errorMessage(new Error('first line\nsecond line'))).toBe('first line\nsecond line');
    expect(errorMessage(new Error('Invalid input: expected a number'))).toBe('Invalid input: expected a number');
    expect(errorMessage('plain text')).toBe('plain text');
    expect(errorMessage(42)).toBe('42');
  });
});

// An Error with no message of its own still says what happened. Node's connection attempts on a
// machine where `localhost` is both ::1 and 127.0.0.1 fail with an AggregateError whose message is
// "" (the reasons are in `errors`), so `npm start` printed "could not start: " and nothing else.
describe('errorMessage of an error without a message', () => {
  it('gives the reasons an AggregateError holds', () => {
    const refused = (address: string) => Object.assign(new Error(`connect ECONNREFUSED ${address}`), { code: 'ECONNREFUSED' });
    const error = Object.assign(new AggregateError([refused('::1:5432'), refused('127.0.0.1:5432')]), { code: 'ECONNREFUSED' });
    expect(error.message).toBe('');
    expect(errorMessage(error)).toBe('connect ECONNREFUSED ::1:5432; connect ECONNREFUSED 127.0.0.1:5432');
  });

  it('falls back to its cause, its code, then its name; an object with a message gives that message', () => {
    expect(errorMessage(new Error('', { cause: new Error('connect ECONNREFUSED 127.0.0.1:1') }))).toBe('connect ECONNREFUSED 127.0.0.1:1');
    expect(errorMessage(Object.assign(new Error(''), { code: 'ETIMEDOUT' }))).toBe('ETIMEDOUT');
    expect(errorMessage(new TypeError(''))).toBe('TypeError');
    expect(errorMessage({ message: 'thrown as a plain object' })).toBe('thrown as a plain object');
  });
});
