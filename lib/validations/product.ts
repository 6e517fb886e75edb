// Schemas of product records: the same ones validate the create/edit dialog (browser), the server
// actions, the REST handlers (/api/v1/products), the CSV import's rows and the OpenAPI document.
//
// Money on the wire is integers in minor units of `currency` (1250 = 12.50 USD; JPY has none), never
// floats; the tax rate is basis points (825 = 8.25 %). The dialog and the CSV file are for people:
// they carry decimal text ("12.50", "8.25"), converted exactly by lib/money.ts. SKUs are stored
// upper-cased, so "ab-1" and "AB-1" are the same SKU.
import { z } from "zod";
import {
  MAX_MINOR_UNITS,
  MAX_TAX_RATE_BPS,
  isSupportedCurrency,
  parseDecimalText,
  parseMoneyText,
  parsePercentText,
} from "@/lib/money";

export const PRODUCT_LIMITS = {
  sku: 64,
  name: 200,
  description: 2000,
  /** Stock counts and thresholds share the money columns' 32-bit range. */
  quantity: MAX_MINOR_UNITS,
} as const;

const noControlChars = (v: string) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(v);

export const productSkuSchema = z
  .string({ error: "Enter a SKU." })
  .trim()
  .toUpperCase()
  .pipe(
    z
      .string()
      .min(1, { error: "Enter a SKU.", abort: true })
      .max(PRODUCT_LIMITS.sku, `Use at most ${PRODUCT_LIMITS.sku} characters.`)
      .regex(/^[A-Z0-9][A-Z0-9._/-]*$/, "Use letters, digits and - _ . / only (no spaces)."),
  );

export const productNameSchema = z
  .string({ error: "Enter a name." })
  .trim()
  .transform((v) => v.replace(/\s+/g, " "))
  .pipe(
    z
      .string()
      .min(1, "Enter a name.")
      .max(PRODUCT_LIMITS.name, `Use at most ${PRODUCT_LIMITS.name} characters.`)
      .refine(noControlChars, "Use printable characters only."),
  );

/** "", whitespace and null mean no description (stored null). */
export const productDescriptionSchema = z
  .union([z.string(), z.null()], { error: "The description must be text." })
  .transform((v) => (v === null ? null : v.trim() || null))
  .pipe(
    z
      .string()
      .max(PRODUCT_LIMITS.description, `Use at most ${PRODUCT_LIMITS.description} characters.`)
      .refine(noControlChars, "Use printable characters only.")
      .nullable(),
  );

export const currencySchema = z
  .string({ error: "Give the currency as an ISO 4217 code, e.g. USD." })
  .trim()
  .toUpperCase()
  .refine(isSupportedCurrency, "Give the currency as an ISO 4217 code, e.g. USD.");

/** An amount in minor units: an integer, never a float (1250 = 12.50 USD). */
function minorUnitsSchema(label: string) {
  const message = `${label} is a whole number of minor units (cents for USD): 1250 for 12.50.`;
  return z
    .number({ error: message })
    .int(message)
    .min(0, `${label} cannot be negative.`)
    .max(MAX_MINOR_UNITS, `${label} is at most ${MAX_MINOR_UNITS}.`);
}

function quantitySchema(label: string) {
  return z
    .number({ error: `${label} is a whole number.` })
    .int(`${label} is a whole number.`)
    .min(0, `${label} cannot be negative.`)
    .max(PRODUCT_LIMITS.quantity, `${label} is at most ${PRODUCT_LIMITS.quantity}.`);
}

export const taxRateBpsSchema = z
  .number({ error: "The tax rate is whole basis points: 825 for 8.25 %." })
  .int("The tax rate is whole basis points: 825 for 8.25 %.")
  .min(0, "The tax rate cannot be negative.")
  .max(MAX_TAX_RATE_BPS, "The tax rate is at most 10000 (100 %).");

const fields = {
  sku: productSkuSchema.meta({ description: "Unique; stored upper-cased.", example: "TEA-EARL-100" }),
  name: productNameSchema.meta({ example: "Earl Grey tea, 100 g" }),
  description: productDescriptionSchema
    .optional()
    .meta({ description: 'null or "" for none.', example: "Loose leaf, bergamot." }),
  unitPrice: minorUnitsSchema("The unit price").meta({
    description: "Integer minor units of `currency` (1250 = 12.50 USD). Never a float.",
    example: 1250,
  }),
  unitCost: minorUnitsSchema("The unit cost").meta({
    description: "Integer minor units of `currency`; 0 when not given.",
    example: 700,
  }),
  currency: currencySchema.meta({ description: "ISO 4217, upper-case.", example: "USD" }),
  taxRateBps: taxRateBpsSchema.meta({ description: "Basis points: 825 = 8.25 %. 0..10000.", example: 825 }),
  stock: quantitySchema("Stock").meta({ description: "Units in stock.", example: 40 }),
  lowStockThreshold: quantitySchema("The low-stock threshold").meta({
    description: "At or below this stock the product counts as low on stock.",
    example: 5,
  }),
  active: z.boolean({ error: "active is true or false." }).meta({ description: "Offered for sale.", example: true }),
};

export const createProductSchema = z
  .strictObject(
    {
      sku: fields.sku,
      name: fields.name,
      description: fields.description,
      unitPrice: fields.unitPrice,
      unitCost: fields.unitCost.optional().default(0),
      currency: fields.currency,
      taxRateBps: fields.taxRateBps.optional().default(0),
      stock: fields.stock.optional().default(0),
      lowStockThreshold: fields.lowStockThreshold.optional().default(0),
      active: fields.active.optional().default(true),
    },
    { error: "Send the product's fields as a JSON object." },
  )
  .meta({
    id: "ProductCreate",
    example: {
      sku: "TEA-EARL-100",
      name: "Earl Grey tea, 100 g",
      unitPrice: 1250,
      unitCost: 700,
      currency: "USD",
      taxRateBps: 825,
      stock: 40,
      lowStockThreshold: 5,
    },
  });
export type CreateProductInput = z.input<typeof createProductSchema>;
export type CreateProductValues = z.output<typeof createProductSchema>;

/** PATCH: any subset of the fields; absent fields stay. */
export const updateProductSchema = z
  .strictObject(
    {
      sku: fields.sku.optional(),
      name: fields.name.optional(),
      description: fields.description,
      unitPrice: fields.unitPrice.optional(),
      unitCost: fields.unitCost.optional(),
      currency: fields.currency.optional(),
      taxRateBps: fields.taxRateBps.optional(),
      stock: fields.stock.optional(),
      lowStockThreshold: fields.lowStockThreshold.optional(),
      active: fields.active.optional(),
    },
    { error: "Send the fields to change as a JSON object." },
  )
  .meta({ id: "ProductUpdate", example: { unitPrice: 1350, stock: 36 } });
export type UpdateProductInput = z.input<typeof updateProductSchema>;
export type UpdateProductValues = z.output<typeof updateProductSchema>;

export const PRODUCT_FIELDS = [
  "sku",
  "name",
  "description",
  "unitPrice",
  "unitCost",
  "currency",
  "taxRateBps",
  "stock",
  "lowStockThreshold",
  "active",
] as const satisfies readonly (keyof UpdateProductValues)[];
export type ProductField = (typeof PRODUCT_FIELDS)[number];

/** A stock adjustment: a signed change with a reason (received a delivery, counted, damaged). */
export const adjustStockSchema = z.strictObject({
  delta: z
    .number({ error: "Enter the change as a whole number, e.g. 12 or -3." })
    .int("Enter the change as a whole number, e.g. 12 or -3.")
    .min(-PRODUCT_LIMITS.quantity, "The change is too large.")
    .max(PRODUCT_LIMITS.quantity, "The change is too large.")
    .refine((v) => v !== 0, "Enter a change other than 0."),
  reason: z
    .string({ error: "Give a reason." })
    .trim()
    .min(1, "Give a reason.")
    .max(200, "Keep the reason under 200 characters.")
    .refine(noControlChars, "Use printable characters only."),
});
export type AdjustStockInput = z.input<typeof adjustStockSchema>;

/** The id of a product in actions; anything else is "not found". */
export const productIdSchema = z
  .string({ error: "Missing id." })
  .trim()
  .min(1, "Missing id.")
  .max(64, "Unknown id.")
  // Ids are cuids; anything else (a NUL byte PostgreSQL would refuse with an error) matches nothing.
  .regex(/^[A-Za-z0-9_-]+$/, "Unknown id.");

/** An edit from the dialog carries the version it was loaded with, so a stale save is refused (412). */
export const productVersionSchema = z.number({ error: "Missing version." }).int().min(1).max(1e9);

/** What a product looks like on the wire (GET, list items). */
export const productSchema = z
  .object({
    id: z.string().meta({ example: "cm4product00000000000001" }),
    sku: z.string().meta({ example: "TEA-EARL-100" }),
    name: z.string().meta({ example: "Earl Grey tea, 100 g" }),
    description: z.string().nullable().meta({ example: "Loose leaf, bergamot." }),
    unitPrice: z.number().int().meta({ description: "Integer minor units of `currency`.", example: 1250 }),
    unitCost: z.number().int().meta({ description: "Integer minor units of `currency`.", example: 700 }),
    currency: z.string().meta({ example: "USD" }),
    taxRateBps: z.number().int().meta({ description: "Basis points: 825 = 8.25 %.", example: 825 }),
    stock: z.number().int().meta({ example: 40 }),
    lowStockThreshold: z.number().int().meta({ example: 5 }),
    lowStock: z.boolean().meta({ description: "stock ≤ lowStockThreshold." }),
    active: z.boolean(),
    archived: z.boolean(),
    archivedAt: z.string().nullable().meta({ description: "ISO 8601 time, null unless archived." }),
    version: z.number().int().meta({ description: "Bumped by every change; the ETag. Send as If-Match." }),
    createdAt: z.string().meta({ example: "2026-12-01T10:00:00.000Z" }),
    updatedAt: z.string().meta({ example: "2026-12-01T10:00:00.000Z" }),
    createdBy: z.object({ id: z.string(), name: z.string() }).nullable(),
    updatedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  })
  .meta({ id: "Product" });
export type ProductJson = z.infer<typeof productSchema>;

export const productDeleteResultSchema = z
  .object({
    id: z.string(),
    outcome: z.enum(["deleted", "archived"]).meta({
      description: "`archived` when the product appears on a sale: it is kept for the sales' history.",
    }),
  })
  .meta({ id: "ProductDeleteResult" });

// ---------------------------------------------------------------------------------------------
// People's forms: every value is text; the server's rules applied to it.

/** What the create/edit dialog holds: decimal money and percent text, counts as text. */
export type ProductFormValues = {
  sku: string;
  name: string;
  description: string;
  unitPrice: string;
  unitCost: string;
  currency: string;
  taxRate: string;
  stock: string;
  lowStockThreshold: string;
  active: boolean;
};

/** The form field a value of the API's fields is typed in (for putting server errors beside the right input). */
export const FORM_FIELD_OF: Record<string, keyof ProductFormValues> = {
  taxRateBps: "taxRate",
};

function wholeNumber(text: string, label: string) {
  const parsed = parseDecimalText(text === "" ? "0" : text, 0, { max: PRODUCT_LIMITS.quantity, label });
  return parsed.ok || !parsed.message.includes("decimal places")
    ? parsed
    : ({ ok: false, message: `The ${label} is a whole number.` } as const);
}

/**
 * The dialog's values → the API's input (CreateProductValues): "12.50" in the chosen currency →
 * 1250, "8.25" → 825. Every field is checked in one pass, so all messages show at once; money is
 * checked against the chosen currency's digits once the currency is known.
 */
export const productFormSchema = z
  .object({
    sku: z.string(),
    name: z.string(),
    description: z.string(),
    unitPrice: z.string(),
    unitCost: z.string(),
    currency: z.string(),
    taxRate: z.string(),
    stock: z.string(),
    lowStockThreshold: z.string(),
    active: z.boolean(),
  })
  .transform((form, ctx) => {
    let failed = false;
    const take = <T>(path: keyof ProductFormValues, result: { success: true; data: T } | { success: false; message: string }) => {
      if (result.success) return result.data;
      failed = true;
      ctx.addIssue({ code: "custom", path: [path], message: result.message });
      return undefined;
    };
    const fromZod = <S extends z.ZodType>(schema: S, value: unknown) => {
      const r = schema.safeParse(value);
      return r.success
        ? { success: true as const, data: r.data as z.output<S> }
        : { success: false as const, message: r.error.issues[0]?.message ?? "Check this value." };
    };
    const fromDecimal = (r: { ok: true; value: number } | { ok: false; message: string }) =>
      r.ok ? { success: true as const, data: r.value } : { success: false as const, message: r.message };

    const sku = take("sku", fromZod(productSkuSchema, form.sku));
    const name = take("name", fromZod(productNameSchema, form.name));
    const description = take("description", fromZod(productDescriptionSchema, form.description));
    const currency = take("currency", fromZod(currencySchema, form.currency));
    const unitPrice = currency ? take("unitPrice", fromDecimal(parseMoneyText(form.unitPrice, currency, "unit price"))) : undefined;
    const unitCost = currency
      ? take("unitCost", fromDecimal(parseMoneyText(form.unitCost === "" ? "0" : form.unitCost, currency, "unit cost")))
      : undefined;
    const taxRateBps = take("taxRate", fromDecimal(parsePercentText(form.taxRate === "" ? "0" : form.taxRate)));
    const stock = take("stock", fromDecimal(wholeNumber(form.stock, "stock")));
    const lowStockThreshold = take("lowStockThreshold", fromDecimal(wholeNumber(form.lowStockThreshold, "threshold")));
    if (
      failed ||
      sku === undefined ||
      name === undefined ||
      description === undefined ||
      currency === undefined ||
      unitPrice === undefined ||
      unitCost === undefined ||
      taxRateBps === undefined ||
      stock === undefined ||
      lowStockThreshold === undefined
    ) {
      return z.NEVER;
    }
    return {
      sku,
      name,
      description,
      unitPrice,
      unitCost,
      currency,
      taxRateBps,
      stock,
      lowStockThreshold,
      active: form.active,
    } satisfies CreateProductValues;
  });

// ---------------------------------------------------------------------------------------------
// CSV import/export: people's columns (decimal money, percent), one product per row.

/** Header names the import reads (case-insensitive) and the export writes, in order. */
export const PRODUCT_CSV_COLUMNS = [
  "sku",
  "name",
  "description",
  "unit_price",
  "unit_cost",
  "currency",
  "tax_rate_percent",
  "stock",
  "low_stock_threshold",
  "active",
] as const;
export type ProductCsvColumn = (typeof PRODUCT_CSV_COLUMNS)[number];

/** The API field each CSV column fills (for naming a row's errors by column). */
export const CSV_COLUMN_OF_FIELD: Record<ProductField, ProductCsvColumn> = {
  sku: "sku",
  name: "name",
  description: "description",
  unitPrice: "unit_price",
  unitCost: "unit_cost",
  currency: "currency",
  taxRateBps: "tax_rate_percent",
  stock: "stock",
  lowStockThreshold: "low_stock_threshold",
  active: "active",
};

const ACTIVE_WORDS: Record<string, boolean> = { "": true, yes: true, true: true, "1": true, no: false, false: false, "0": false };

/** One CSV row (strings by column name) → create input; errors keyed by CSV column. */
export const productCsvRowSchema = z
  .object({
    sku: z.string().optional().default(""),
    name: z.string().optional().default(""),
    description: z.string().optional().default(""),
    unit_price: z.string().optional().default(""),
    unit_cost: z.string().optional().default(""),
    currency: z.string().optional().default(""),
    tax_rate_percent: z.string().optional().default(""),
    stock: z.string().optional().default(""),
    low_stock_threshold: z.string().optional().default(""),
    active: z.string().optional().default(""),
  })
  .transform((row, ctx) => {
    const active = ACTIVE_WORDS[row.active.trim().toLowerCase()];
    if (active === undefined) ctx.addIssue({ code: "custom", path: ["active"], message: "Use yes or no." });
    const form = productFormSchema.safeParse({
      sku: row.sku,
      name: row.name,
      description: row.description,
      unitPrice: row.unit_price,
      unitCost: row.unit_cost,
      currency: row.currency,
      taxRate: row.tax_rate_percent,
      stock: row.stock,
      lowStockThreshold: row.low_stock_threshold,
      active: active ?? true,
    });
    if (!form.success) {
      const columnOf: Record<string, ProductCsvColumn> = {
        ...CSV_COLUMN_OF_FIELD,
        taxRate: "tax_rate_percent",
      };
      for (const issue of form.error.issues) {
        const key = String(issue.path[0] ?? "");
        ctx.addIssue({ code: "custom", path: [columnOf[key] ?? key], message: issue.message });
      }
      return z.NEVER;
    }
    if (active === undefined) return z.NEVER;
    return form.data;
  });

/** Rows one import takes (the dialog checks it first; the server enforces it). */
export const PRODUCT_IMPORT_MAX_ROWS = 2000;

/** The import's input: the CSV file's text (the parser caps its size and rows). */
export const productImportSchema = z.strictObject({
  csv: z.string({ error: "Choose a CSV file." }).min(1, "Choose a CSV file.").max(2_000_000, "The file is too large."),
});
export type ProductImportInput = z.input<typeof productImportSchema>;
