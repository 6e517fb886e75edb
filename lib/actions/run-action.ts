// The one server-action wrapper: runs the work and turns the outcome into the contract forms
// render: `{ data }`, `{ fieldErrors, error }` or `{ error, code }`. Unexpected errors are logged
// with a request id and reported without internals. Next.js redirects pass through.
import "server-only";
import { unstable_rethrow } from "next/navigation";
import {
  AppError,
  busyErrorOf,
  ConflictError,
  RateLimitedError,
  ValidationError,
  type FieldErrors,
} from "@/lib/errors";
import { log } from "@/lib/log";
import { requestContext } from "@/lib/http/request-context";

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; error: string; code: string; fieldErrors?: FieldErrors; retryAfterSeconds?: number };

export async function runAction<T>(name: string, work: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await work() };
  } catch (error) {
    unstable_rethrow(error);
    if (error instanceof ValidationError || error instanceof ConflictError) {
      return { ok: false, error: error.message, code: error.code, fieldErrors: error.fieldErrors };
    }
    if (error instanceof RateLimitedError) {
      return { ok: false, error: error.message, code: error.code, retryAfterSeconds: error.retryAfterSeconds };
    }
    if (error instanceof AppError) return { ok: false, error: error.message, code: error.code };
    const busy = busyErrorOf(error);
    if (busy) {
      log.warn({ err: error, action: name }, "database busy: action refused");
      return { ok: false, error: busy.message, code: busy.code, retryAfterSeconds: busy.retryAfterSeconds };
    }
    const { requestId } = await requestContext();
    log.error({ err: error, action: name, requestId }, "server action failed");
    return {
      ok: false,
      code: "internal_error",
      error: `Something went wrong on our side. Try again; if it keeps happening, quote reference ${requestId.slice(0, 8)}.`,
    };
  }
}
