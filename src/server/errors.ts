// The one error type family of the app. Verbs throw these; src/server/http.ts maps them to HTTP.
export class AppError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class BadRequestError extends AppError {
  constructor(message: string, details?: Record<string, unknown>) {
    super(message, 400, details);
  }
}
export class UnauthorizedError extends AppError {
  constructor(message = 'Sign in to continue.') {
    super(message, 401);
  }
}
export class ForbiddenError extends AppError {
  constructor(message = 'You do not have permission to do that.') {
    super(message, 403);
  }
}
export class NotFoundError extends AppError {
  constructor(message = 'Not found.') {
    super(message, 404);
  }
}
export class ConflictError extends AppError {
  constructor(message: string, details?: Record<string, unknown>) {
    super(message, 409, details);
  }
}
export class PayloadTooLargeError extends AppError {
  constructor(message: string) {
    super(message, 413);
  }
}
export class UnprocessableError extends AppError {
  constructor(message: string, details?: Record<string, unknown>) {
    super(message, 422, details);
  }
}
export class TooManyRequestsError extends AppError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message, 429, { retryAfterSeconds });
  }
}
