// Schemas of customer records: the same ones validate the create/edit dialog (browser), the server
// actions, the REST handlers (/api/v1/customers), the CSV import's rows and the OpenAPI document.
// Emails are stored lower-cased (unique case-insensitively); tags lower-cased and trimmed. Optional
// text fields take "" or null for "none" and store null.
import { z } from "zod";

export const CUSTOMER_LIMITS = {
  name: 200,
  email: 254,
  phone: 40,
  address: 500,
  notes: 2000,
  tag: 40,
  tags: 20,
} as const;

const noControlChars = (v: string) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(v);
const singleLine = (v: string) => !/[\r\n\t]/.test(v);

export const customerNameSchema = z
  .string({ error: "Enter a name." })
  .trim()
  .transform((v) => v.replace(/\s+/g, " "))
  .pipe(
    z
      .string()
      .min(1, "Enter a name.")
      .max(CUSTOMER_LIMITS.name, `Use at most ${CUSTOMER_LIMITS.name} characters.`)
      .refine(noControlChars, "Use printable characters only."),
  );

/** An optional text: "", whitespace and null mean none (stored null). */
function optionalText(max: number, options: { multiline?: boolean; label: string }) {
  return z
    .union([z.string({ error: `${options.label} must be text.` }), z.null()], {
      error: `${options.label} must be text.`,
    })
    .transform((v) => (v === null ? null : v.trim() || null))
    .pipe(
      z
        .string()
        .max(max, `Use at most ${max} characters.`)
        .refine(noControlChars, "Use printable characters only.")
        .refine((v) => options.multiline || singleLine(v), "Keep it on one line.")
        .nullable(),
    );
}

export const customerEmailSchema = z
  .union([z.string({ error: "Enter a valid email address." }), z.null()], { error: "Enter a valid email address." })
  .transform((v) => (v === null ? null : v.trim().toLowerCase() || null))
  .pipe(
    z
      .email("Enter a valid email address.")
      .max(CUSTOMER_LIMITS.email, `Use at most ${CUSTOMER_LIMITS.email} characters.`)
      .nullable(),
  );

export const customerPhoneSchema = optionalText(CUSTOMER_LIMITS.phone, { label: "Phone" }).refine(
  (v) => v === null || /^[0-9+()./\- x]+$/i.test(v),
  "Use digits, spaces and + ( ) - . / only.",
);

export const customerTagSchema = z
  .string({ error: "Tags are text." })
  .trim()
  .toLowerCase()
  .transform((v) => v.replace(/\s+/g, " "))
  .pipe(
    z
      .string()
      .min(1, "Tags cannot be empty.")
      .max(CUSTOMER_LIMITS.tag, `Keep each tag under ${CUSTOMER_LIMITS.tag + 1} characters.`)
      .regex(/^[\p{L}\p{N}][\p{L}\p{N} _.&'-]*$/u, "Tags use letters, digits, spaces and - _ . & ' only."),
  );

export const customerTagsSchema = z
  .array(customerTagSchema, { error: "Tags are a list of words." })
  .max(CUSTOMER_LIMITS.tags, `Use at most ${CUSTOMER_LIMITS.tags} tags.`)
  .transform((tags) => [...new Set(tags)].sort());

/** "VIP, wholesale ,,vip" → ["VIP", "wholesale", "vip"] (normalised by customerTagsSchema). */
export function splitTags(text: string): string[] {
  return text
    .split(/[,;]/)
    .map((t) => t.trim())
    .filter(Boolean);
}

const fields = {
  name: customerNameSchema.meta({ description: "Full name or company name.", example: "Ada Lovelace" }),
  email: customerEmailSchema
    .optional()
    .meta({
      description: 'Unique (case-insensitive); stored lower-cased. null or "" for none.',
      example: "ada@example.com",
    }),
  phone: customerPhoneSchema.optional().meta({ example: "+44 20 7946 0958" }),
  address: optionalText(CUSTOMER_LIMITS.address, { multiline: true, label: "Address" })
    .optional()
    .meta({ example: "12 St James's Square, London" }),
  notes: optionalText(CUSTOMER_LIMITS.notes, { multiline: true, label: "Notes" })
    .optional()
    .meta({ example: "Prefers email." }),
  tags: customerTagsSchema
    .optional()
    .meta({ description: `Up to ${CUSTOMER_LIMITS.tags}; lower-cased and trimmed.`, example: ["vip", "newsletter"] }),
};

export const createCustomerSchema = z.strictObject(fields, { error: "Send the customer's fields." }).meta({
  id: "CustomerCreate",
  example: { name: "Ada Lovelace", email: "ada@example.com", phone: "+44 20 7946 0958", tags: ["vip"] },
});
export type CreateCustomerInput = z.input<typeof createCustomerSchema>;
export type CreateCustomerValues = z.output<typeof createCustomerSchema>;

/** PATCH: any subset of the fields; absent fields stay, null clears an optional one. */
export const updateCustomerSchema = z
  .strictObject({ ...fields, name: fields.name.optional() }, { error: "Send the fields to change." })
  .meta({ id: "CustomerUpdate", example: { phone: "+44 20 7946 0000", tags: ["vip", "wholesale"] } });
export type UpdateCustomerInput = z.input<typeof updateCustomerSchema>;
export type UpdateCustomerValues = z.output<typeof updateCustomerSchema>;

/**
 * The create/edit dialog's values are all strings (tags as one comma-separated line); these are
 * the server's rules applied to them, for checks in the browser before sending.
 */
export const customerFormSchema = z.object({
  name: customerNameSchema,
  email: customerEmailSchema,
  phone: customerPhoneSchema,
  address: fields.address.unwrap(),
  notes: fields.notes.unwrap(),
  tags: z.string().transform(splitTags).pipe(customerTagsSchema),
});
export type CustomerFormValues = {
  name: string;
  email: string;
  phone: string;
  address: string;
  notes: string;
  tags: string;
};

/** What a customer looks like on the wire (GET, list items, export). */
export const customerSchema = z
  .object({
    id: z.string().meta({ example: "cm4customer0000000000001" }),
    name: z.string().meta({ example: "Ada Lovelace" }),
    email: z.string().nullable().meta({ example: "ada@example.com" }),
    phone: z.string().nullable().meta({ example: "+44 20 7946 0958" }),
    address: z.string().nullable(),
    notes: z.string().nullable(),
    tags: z.array(z.string()).meta({ example: ["vip"] }),
    archived: z.boolean(),
    archivedAt: z.string().nullable().meta({ description: "ISO 8601 time, null while active." }),
    version: z.number().int().meta({ description: "Bumped by every change; the ETag. Send as If-Match." }),
    createdAt: z.string().meta({ example: "2026-12-01T10:00:00.000Z" }),
    updatedAt: z.string().meta({ example: "2026-12-01T10:00:00.000Z" }),
    createdBy: z.object({ id: z.string(), name: z.string() }).nullable(),
    updatedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  })
  .meta({ id: "Customer" });
export type CustomerJson = z.infer<typeof customerSchema>;

/** The columns a customers CSV import reads (header names, case-insensitive) and the export writes. */
export const CUSTOMER_CSV_COLUMNS = ["name", "email", "phone", "address", "notes", "tags"] as const;

/** One import row: the create schema with tags as one cell ("vip; wholesale" or "vip, wholesale"). */
export const customerImportRowSchema = z.object({
  name: customerNameSchema,
  email: customerEmailSchema.optional(),
  phone: customerPhoneSchema.optional(),
  address: fields.address,
  notes: fields.notes,
  tags: z
    .string()
    .optional()
    .transform((v) => splitTags(v ?? ""))
    .pipe(customerTagsSchema),
});
export type CustomerImportRow = z.output<typeof customerImportRowSchema>;

/** The create/edit action's and the archive/delete actions' record reference. */
export const customerIdSchema = z.string({ error: "Missing id." }).trim().min(1, "Missing id.").max(64, "Unknown id.");

/** An edit from the dialog: the version the form was loaded with refuses a stale save (412). */
export const customerVersionSchema = z.number({ error: "Missing version." }).int().min(1).max(1e9);
