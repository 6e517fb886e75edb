// The one table of application errors. The DAL throws these; the action wrapper turns them into
// `{ error }` / `{ fieldErrors }` and withApi into problem+json with the same `code`.

export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class UnauthenticatedError extends AppError {
  constructor(message = "Sign in to continue.", code = "unauthenticated") {
    super(code, 401, message);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = "You do not have permission to do this.", code = "forbidden") {
    super(code, 403, message);
  }
}

export class NotFoundError extends AppError {
  constructor(message = "Not found.") {
    super("not_found", 404, message);
  }
}

export class ConflictError extends AppError {
  constructor(
    message: string,
    readonly fieldErrors: FieldErrors = {},
  ) {
    super("conflict", 409, message);
  }
}

/** A write made against a version of the record that is no longer current (If-Match, or an edit form's version). */
export class PreconditionFailedError extends AppError {
  constructor(message = "This record was changed since you loaded it. Reload it and try again.") {
    super("precondition_failed", 412, message);
  }
}

export class ValidationError extends AppError {
  constructor(
    readonly fieldErrors: FieldErrors,
    message = "Some fields need attention.",
  ) {
    super("validation_failed", 422, message);
  }
}

export class RateLimitedError extends AppError {
  constructor(
    readonly retryAfterSeconds: number,
    message = `Too many attempts. Try again in ${humanDuration(retryAfterSeconds)}.`,
  ) {
    super("rate_limited", 429, message);
  }
}

/**
 * The database could not take the work just now (SQLite busy past its wait, a PostgreSQL deadlock
 * or serialisation failure, a transaction that waited too long): nothing was written, and the same
 * request will very likely succeed in a moment. 503 with Retry-After, never a 500.
 */
export class ServiceBusyError extends AppError {
  readonly retryAfterSeconds = 1;
  constructor(message = "The service is busy. Nothing was changed; try again in a moment.") {
    super("unavailable", 503, message);
  }
}

const TRANSIENT_DB_ERROR =
  /SQLITE_BUSY|SQLITE_LOCKED|database is locked|deadlock detected|could not serialize access|40P01|40001|Unable to start a transaction in the given time|Transaction already closed|write conflict/i;

/** A ServiceBusyError for an error that is the database's transient refusal (above), else null. */
export function busyErrorOf(error: unknown): ServiceBusyError | null {
  if (!error || typeof error !== "object" || error instanceof AppError) return null;
  const { code, message, meta } = error as { code?: unknown; message?: unknown; meta?: unknown };
  if (code === "P2034") return new ServiceBusyError();
  // The driver's own refusals (lib/db-raw.ts reads past Prisma): SQLite busy/locked, PostgreSQL
  // serialization failure, deadlock, too many connections, shutting down.
  if (typeof code === "string" && /^(SQLITE_BUSY|SQLITE_LOCKED|40001|40P01|53300|57P01)/.test(code)) {
    return new ServiceBusyError();
  }
  if (typeof code !== "string" || !/^P(1008|2010|2028)$/.test(code)) return null;
  let text = typeof message === "string" ? message : "";
  try {
    text += JSON.stringify(meta ?? null);
  } catch {
    // A meta object that does not serialise tells nothing more.
  }
  return TRANSIENT_DB_ERROR.test(text) ? new ServiceBusyError() : null;
}

export function humanDuration(seconds: number): string {
  if (seconds < 60) return `${Math.max(1, Math.ceil(seconds))} second${Math.ceil(seconds) === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}

/** Field errors from a zod error, keyed by the first path segment. */
export function fieldErrorsFromZod(issues: readonly { path: readonly PropertyKey[]; message: string }[]): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of issues) {
    const key = issue.path.length ? String(issue.path[0]) : "_form";
    (out[key] ??= []).push(issue.message);
  }
  return out;
}
