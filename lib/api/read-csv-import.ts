// The request of a CSV import route (POST /api/v1/<records>/import[?dry_run=true]): the dry_run
// flag (true or false, else 422) and the file itself (Content-Type text/csv or text/plain, UTF-8,
// at most CSV_IMPORT_LIMITS.maxBytes).
import { BodyError, readLimitedBody } from "@/lib/api/read-limited-body";
import { CSV_IMPORT_LIMITS } from "@/lib/csv/csv-import";
import { ValidationError } from "@/lib/errors";

export async function readCsvImport(
  request: Request,
  searchParams: URLSearchParams,
): Promise<{ csv: string; dryRun: boolean }> {
  const dryRunParam = searchParams.get("dry_run");
  if (dryRunParam !== null && dryRunParam !== "true" && dryRunParam !== "false") {
    throw new ValidationError({ dry_run: ["dry_run is true or false."] });
  }
  const type = request.headers.get("content-type") ?? "";
  if (!/^text\/(csv|plain)\b/i.test(type)) {
    throw new BodyError("unsupported_media_type", 415, "Send the file as Content-Type: text/csv.");
  }
  try {
    return { csv: await readLimitedBody(request, CSV_IMPORT_LIMITS.maxBytes), dryRun: dryRunParam === "true" };
  } catch (error) {
    if (error instanceof BodyError && error.code === "invalid_json") {
      throw new BodyError("invalid_encoding", 400, "The file is not UTF-8 text.");
    }
    throw error;
  }
}
