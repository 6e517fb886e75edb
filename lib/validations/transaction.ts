// Transactions: what a client may send to record a sale, void it or refund it. Totals, taxes and
// prices are not here on purpose: the server computes them from the products (a client-sent total
// is ignored). Shared by the "New sale" form, the server actions, the routes and OpenAPI.
import { z } from "zod";
import { MAX_MINOR_UNITS } from "@/lib/money";

export const PAYMENT_METHODS = ["cash", "card", "transfer", "other"] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];
export const PAYMENT_METHOD_LABELS: Record<PaymentMethod, string> = {
  cash: "Cash",
  card: "Card",
  transfer: "Bank transfer",
  other: "Other",
};

export const TRANSACTION_STATUSES = ["completed", "voided", "refunded", "partially_refunded"] as const;
export type TransactionStatus = (typeof TRANSACTION_STATUSES)[number];
export const TRANSACTION_STATUS_LABELS: Record<TransactionStatus, string> = {
  completed: "Completed",
  voided: "Voided",
  refunded: "Refunded",
  partially_refunded: "Partly refunded",
};

/** Most units of one line, and most lines of one sale. */
export const MAX_LINE_QUANTITY = 10_000;
export const MAX_LINES = 100;

const id = (label: string) =>
  z
    .string({ error: `Choose a ${label}.` })
    .trim()
    .min(1, `Choose a ${label}.`)
    .max(64, `That is not a ${label} id.`)
    .regex(/^[A-Za-z0-9_-]+$/, `That is not a ${label} id.`);

const minor = (label: string) =>
  z
    .number({ error: `The ${label} is an amount in minor units (cents), e.g. 250.` })
    .int(`The ${label} is a whole number of minor units (cents).`)
    .min(0, `The ${label} cannot be negative.`)
    .max(MAX_MINOR_UNITS, `The ${label} is too large.`);

export const transactionLineInputSchema = z.object({
  productId: id("product"),
  quantity: z
    .number({ error: "Enter a quantity." })
    .int("The quantity is a whole number.")
    .min(1, "The quantity is at least 1.")
    .max(MAX_LINE_QUANTITY, `The quantity is at most ${MAX_LINE_QUANTITY}.`),
  /** Line discount in minor units. */
  discount: minor("line discount").default(0),
});

export const createTransactionSchema = z.object({
  /** Null or absent for a walk-in sale. */
  customerId: id("customer").nullish(),
  /** The staff member credited with the sale; the acting user when absent. */
  staffId: id("staff member").optional(),
  paymentMethod: z.enum(PAYMENT_METHODS, { error: "Payment method is cash, card, transfer or other." }),
  lines: z
    .array(transactionLineInputSchema, { error: "Add at least one line." })
    .min(1, "Add at least one line.")
    .max(MAX_LINES, `A sale has at most ${MAX_LINES} lines.`),
  /** Order discount in minor units, spread over the lines before tax. */
  discount: minor("order discount").default(0),
  note: z
    .string()
    .trim()
    .max(500, "Keep the note under 500 characters.")
    .nullish()
    .transform((v) => (v ? v : null)),
});
export type CreateTransactionInput = z.input<typeof createTransactionSchema>;

const reason = z
  .string({ error: "Give a reason." })
  .trim()
  .min(1, "Give a reason.")
  .max(500, "Keep the reason under 500 characters.");

export const voidTransactionSchema = z.object({ reason });
export type VoidTransactionInput = z.input<typeof voidTransactionSchema>;

export const refundLineInputSchema = z.object({
  lineId: id("line"),
  quantity: z
    .number({ error: "Enter a quantity." })
    .int("The quantity is a whole number.")
    .min(1, "The quantity is at least 1.")
    .max(MAX_LINE_QUANTITY, `The quantity is at most ${MAX_LINE_QUANTITY}.`),
});

export const refundTransactionSchema = z.object({
  reason: z
    .string()
    .trim()
    .max(500, "Keep the reason under 500 characters.")
    .nullish()
    .transform((v) => (v ? v : null)),
  /** Lines and quantities to refund; absent: everything not yet refunded. */
  lines: z.array(refundLineInputSchema).min(1, "Choose at least one line to refund.").max(MAX_LINES).optional(),
});
export type RefundTransactionInput = z.input<typeof refundTransactionSchema>;

/** Server actions name the version they were made against (the API uses If-Match instead). */
export const versionSchema = z.number().int().min(1).max(2_147_483_647).optional();
