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

  it('leaves every other message as it is, and shows what is not an Error', () => {
    expect(errorMessage(new Error('first line\nsecond line'))).toBe('first line\nsecond line');
    expect(errorMessage(new Error('Invalid input: expected a number'))).toBe('Invalid input: expected a number');
    expect(errorMessage('plain text')).toBe('plain text');
    expect(errorMessage(42)).toBe('42');
  });
});
