// Optimistic concurrency for record edits. Every record carries `version`, bumped by each change;
// an edit that names the version it was made against (If-Match over the API, the form's hidden
// version in the UI) is written with `where: { id, version }`. When that matches no row, this
// tells the two reasons apart: the record is gone or not visible (404), or it changed since (412).
import "server-only";
import { NotFoundError, PreconditionFailedError } from "@/lib/errors";

/** The `where` of a conditional write: by id, and by version when the caller named one. */
export function versionedWhere(id: string, expectedVersion: number | undefined) {
  return expectedVersion === undefined ? { id } : { id, version: expectedVersion };
}

/** After `updateMany`/`deleteMany` with versionedWhere: throws 404 or 412 when nothing was written. */
export async function assertWritten(count: number, stillExists: () => Promise<boolean>, notFound: string): Promise<void> {
  if (count > 0) return;
  if (await stillExists()) throw new PreconditionFailedError();
  throw new NotFoundError(notFound);
}
