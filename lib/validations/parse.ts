import type { z } from "zod";
import { ValidationError, fieldErrorsFromZod } from "@/lib/errors";

/** The parsed value, or a ValidationError carrying every field's message. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new ValidationError(fieldErrorsFromZod(result.error.issues));
  return result.data;
}
