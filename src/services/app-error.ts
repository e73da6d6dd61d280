// Typed errors of the use cases; the API turns them into JSON with a Chinese message and the field.
export type AppErrorCode =
  'not_found' | 'forbidden' | 'unauthenticated' | 'invalid_input' | 'invalid_transition' | 'conflict' | 'over_budget' | 'rate_limited';

const STATUS: Record<AppErrorCode, number> = {
  not_found: 404,
  forbidden: 403,
  unauthenticated: 401,
  invalid_input: 400,
  invalid_transition: 409,
  conflict: 409,
  over_budget: 409,
  rate_limited: 429,
};

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    message: string,
    /** The field path the error is about (`claims[3].endDate`, `body.startDate`), when there is one. */
    readonly field?: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }

  get status(): number {
    return STATUS[this.code];
  }
}
