// The one wrapper around route handlers: it turns thrown errors into JSON a person can read.
// ZodError -> 400 with field messages, AppError -> its status, anything else -> 500 without a stack.
import { NextResponse } from 'next/server';
import { ZodError, type ZodType, type z } from 'zod';
import { fieldErrors } from '@/lib/field-errors';
import { AppError, BadRequestError } from './errors';
import { startRequestTimer } from './observability/start-request-timer';

type Handler<C> = (request: Request, context: C) => Promise<Response>;

function describe(error: ZodError): string {
  return Object.entries(fieldErrors(error))
    .map(([field, message]) => (field === '_' ? message : `${field}: ${message}`))
    .join(' ');
}

export function errorResponse(error: unknown): Response {
  if (error instanceof ZodError) {
    return NextResponse.json({ error: describe(error), fields: fieldErrors(error) }, { status: 400 });
  }
  if (error instanceof AppError) {
    const headers: Record<string, string> = {};
    if (typeof error.details?.retryAfterSeconds === 'number') headers['Retry-After'] = String(error.details.retryAfterSeconds);
    return NextResponse.json({ error: error.message, ...error.details }, { status: error.status, headers });
  }
  console.error('Unhandled error in route handler:', error);
  return NextResponse.json({ error: 'Something went wrong on our side. Please try again.' }, { status: 500 });
}

export function route<C = unknown>(handler: Handler<C>): Handler<C> {
  return async (request, context) => {
    const observe = startRequestTimer(request);
    try {
      return observe(await handler(request, context));
    } catch (error) {
      return observe(errorResponse(error));
    }
  };
}

export function parseSearchParams<S extends ZodType>(request: Request, schema: S): z.infer<S> {
  const params = Object.fromEntries(new URL(request.url).searchParams);
  return schema.parse(params);
}

export async function parseJsonBody<S extends ZodType>(request: Request, schema: S): Promise<z.infer<S>> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    throw new BadRequestError('The request body must be valid JSON.');
  }
  return schema.parse(body);
}
