// A `from`/`to` query parameter of a list (transactions, the activity log): a date ("2026-03-01",
// a whole UTC day) or an instant ("2026-03-01T09:30:00Z"; without an offset it is UTC). `end`
// makes a date mean the end of its day, so `to=2026-03-01` includes that whole day.
import { z } from "zod";

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?$/;

export type DateParam = { at: Date; endOfDay: boolean };

export function dateParam(end: boolean) {
  return z
    .string()
    .trim()
    .max(40)
    .transform((value, ctx): DateParam => {
      const day = DAY.test(value);
      const instant = !day && INSTANT.test(value);
      const text = day
        ? `${value}T00:00:00.000Z`
        : instant && !/(Z|[+-]\d{2}:\d{2})$/.test(value)
          ? `${value}Z`
          : value;
      const date = day || instant ? new Date(text) : null;
      if (!date || Number.isNaN(date.getTime()) || (day && date.toISOString().slice(0, 10) !== value)) {
        ctx.addIssue({ code: "custom", message: "Use a date (2026-03-01) or a date and time (2026-03-01T09:30:00Z)." });
        return z.NEVER;
      }
      return { at: date, endOfDay: end && day };
    });
}

/** The first instant after a `to` parameter: the next midnight for a date, the instant itself otherwise. */
export function exclusiveEnd(param: DateParam): Date {
  return param.endOfDay ? new Date(param.at.getTime() + 24 * 60 * 60 * 1000) : param.at;
}

/** A record id in a filter (cuid or similar): letters, digits, "_" and "-". */
export const recordIdParam = z
  .string()
  .trim()
  .max(64, "That is not an id.")
  .regex(/^[A-Za-z0-9_-]+$/, "That is not an id.");
