// Validation of transaction inputs with field errors keyed by their full path ("lines.1.quantity"),
// so the API's `errors` and the sale form name the exact line, not just "lines".
import "server-only";
import type { z } from "zod";
import { ValidationError, type FieldErrors } from "@/lib/errors";

export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  const errors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const key = issue.path.length ? issue.path.map(String).join(".") : "_form";
    (errors[key] ??= []).push(issue.message);
  }
  throw new ValidationError(errors);
}
