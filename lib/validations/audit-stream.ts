// Schemas of SIEM audit streams (lib/data/audit-streams): the create/edit dialog (browser), the
// server actions and the DAL use the same ones. The filter names actions exactly ("auth.sign_in_failed")
// or by group ("auth.*"), each checked against the catalogue so a typo is refused instead of
// silently matching nothing; no actions means every action.
import { z } from "zod";
import { AUDIT_ACTIONS } from "@/lib/audit/actions";

export const AUDIT_STREAM_LIMITS = { name: 80, url: 2048, actions: 50, streams: 20 } as const;

const ACTION_NAMES = new Set(Object.keys(AUDIT_ACTIONS));
const ACTION_GROUPS = new Set([...ACTION_NAMES].map((a) => a.split(".")[0] ?? a));

/** The action groups ("auth", "customer"…) a filter can name as "group.*", sorted. */
export const AUDIT_ACTION_GROUPS: readonly string[] = [...ACTION_GROUPS].sort();

export function isKnownActionPattern(pattern: string): boolean {
  if (pattern.endsWith(".*")) return ACTION_GROUPS.has(pattern.slice(0, -2));
  return ACTION_NAMES.has(pattern);
}

export const auditStreamIdSchema = z
  .string({ error: "Missing id." })
  .trim()
  .min(1, "Missing id.")
  .max(64, "Unknown id.");
export const auditStreamVersionSchema = z.number().int().min(1);

export const auditStreamNameSchema = z
  .string({ error: "Enter a name." })
  .trim()
  .transform((v) => v.replace(/\s+/g, " "))
  .pipe(
    z
      .string()
      .min(1, "Enter a name.")
      .max(AUDIT_STREAM_LIMITS.name, `Use at most ${AUDIT_STREAM_LIMITS.name} characters.`)
      .refine((v) => !/[\u0000-\u001f\u007f]/.test(v), "Use printable characters only."),
  );

/**
 * The destination's shape only (http(s), a host, no user name or password). Whether http:// and
 * private addresses are allowed depends on the server's settings and is decided in the DAL and,
 * for the addresses a host resolves to, at every delivery (lib/audit/streams/url-safety.ts).
 */
export const auditStreamUrlSchema = z
  .string({ error: "Enter the endpoint's URL." })
  .trim()
  .min(1, "Enter the endpoint's URL.")
  .max(AUDIT_STREAM_LIMITS.url, `Use at most ${AUDIT_STREAM_LIMITS.url} characters.`)
  .superRefine((value, ctx) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      ctx.addIssue({ code: "custom", message: "Enter a full URL, such as https://siem.example.com/opsdeck." });
      return;
    }
    if (url.protocol !== "https:" && url.protocol !== "http:") {
      ctx.addIssue({ code: "custom", message: "Use an https:// URL." });
    } else if (url.username || url.password) {
      ctx.addIssue({
        code: "custom",
        message: "Leave the user name and password out of the URL; requests are signed instead.",
      });
    } else if (!url.hostname) {
      ctx.addIssue({ code: "custom", message: "Enter a host name." });
    } else if (url.hash) {
      ctx.addIssue({ code: "custom", message: "Remove the #fragment: it is never sent." });
    }
  });

export const auditStreamOutcomeSchema = z.enum(["success", "failure"], { error: "Choose success, failure or any." });

export const auditStreamFilterSchema = z.object({
  actions: z
    .array(
      z
        .string()
        .trim()
        .toLowerCase()
        .refine(isKnownActionPattern, { error: (issue) => `Unknown action or group: ${String(issue.input)}.` }),
    )
    .max(AUDIT_STREAM_LIMITS.actions, `Name at most ${AUDIT_STREAM_LIMITS.actions} actions or groups.`)
    .transform((list) => [...new Set(list)].sort())
    .optional(),
  outcome: auditStreamOutcomeSchema.optional(),
});

export type AuditStreamFilter = z.output<typeof auditStreamFilterSchema>;

/** Flattened into top-level fields so that each error lands on its own form field. */
export const createAuditStreamSchema = z.object({
  name: auditStreamNameSchema,
  url: auditStreamUrlSchema,
  actions: auditStreamFilterSchema.shape.actions,
  outcome: auditStreamOutcomeSchema.optional(),
});
export type CreateAuditStreamInput = z.input<typeof createAuditStreamSchema>;

/** Any subset; `outcome: null` sets "any outcome" (omitted leaves it as it is). */
export const updateAuditStreamSchema = createAuditStreamSchema
  .extend({ outcome: auditStreamOutcomeSchema.nullable().optional() })
  .partial();
export type UpdateAuditStreamInput = z.input<typeof updateAuditStreamSchema>;

/** "auth.*, customer.created" (commas, spaces or new lines) → a list. */
export function splitActionPatterns(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The dialog's fields: the action list typed as text, the outcome as a select ("" = any). */
export const auditStreamFormSchema = z.object({
  name: auditStreamNameSchema,
  url: auditStreamUrlSchema,
  actions: z.string().superRefine((text, ctx) => {
    const list = splitActionPatterns(text.toLowerCase());
    const unknown = list.filter((a) => !isKnownActionPattern(a));
    if (unknown.length) ctx.addIssue({ code: "custom", message: `Unknown action or group: ${unknown.join(", ")}.` });
    if (list.length > AUDIT_STREAM_LIMITS.actions)
      ctx.addIssue({ code: "custom", message: `Name at most ${AUDIT_STREAM_LIMITS.actions} actions or groups.` });
  }),
  outcome: z.enum(["", "success", "failure"]),
});

/** The edit dialog: the URL field starts empty (the stored URL is never sent back) and empty keeps it. */
export const auditStreamEditFormSchema = auditStreamFormSchema.extend({
  url: z.union([z.literal(""), auditStreamUrlSchema]),
});

export type AuditStreamStatus = "healthy" | "retrying" | "failing" | "paused";

export type AuditStreamJson = {
  id: string;
  name: string;
  /** `https://host/first-segment/…`: the full URL (which may hold a token) never leaves the server. */
  urlDisplay: string;
  secretHint: string;
  filter: { actions: string[]; outcome: "success" | "failure" | null };
  enabled: boolean;
  status: AuditStreamStatus;
  cursorSeq: number;
  failureCount: number;
  nextAttemptAt: string | null;
  lastAttemptAt: string | null;
  lastSuccessAt: string | null;
  lastError: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
};

export type AuditStreamDeliveryJson = {
  id: string;
  eventSeq: number;
  eventId: string;
  attempt: number;
  /** "handover": a pause, new URL or deletion's own event sent once to the old destination. */
  result: "delivered" | "failed" | "test" | "handover";
  statusCode: number | null;
  error: string | null;
  durationMs: number;
  createdAt: string;
};
