// What a transaction looks like to anyone allowed to read it (pages and GET /api/v1/transactions/{id}):
// the receipt's figures, the lines as sold (name, SKU, prices and tax rate snapshotted at sale
// time), refunds, and who sold it to whom. One select, one mapper, so every reader agrees.
import "server-only";
import type { PaymentMethod, TransactionStatus } from "@/lib/validations/transaction";

export const transactionRecordSelect = {
  id: true,
  number: true,
  occurredAt: true,
  status: true,
  currency: true,
  subtotal: true,
  discount: true,
  tax: true,
  total: true,
  refundedAmount: true,
  paymentMethod: true,
  note: true,
  voidedAt: true,
  voidReason: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  customer: { select: { id: true, name: true, email: true } },
  staff: { select: { id: true, firstName: true, lastName: true, username: true } },
  lines: {
    orderBy: { position: "asc" },
    select: {
      id: true,
      position: true,
      productId: true,
      productName: true,
      sku: true,
      quantity: true,
      unitPrice: true,
      unitCost: true,
      taxRateBps: true,
      discount: true,
      orderDiscount: true,
      tax: true,
      total: true,
      refundedQuantity: true,
      refundedAmount: true,
    },
  },
  refunds: {
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      amount: true,
      reason: true,
      createdAt: true,
      lines: { select: { lineId: true, quantity: true, amount: true } },
    },
  },
} as const;

export type TransactionLineRecord = {
  id: string;
  position: number;
  productId: string;
  productName: string;
  sku: string;
  quantity: number;
  unitPrice: number;
  unitCost: number;
  taxRateBps: number;
  discount: number;
  orderDiscount: number;
  tax: number;
  total: number;
  refundedQuantity: number;
  refundedAmount: number;
};

export type TransactionRecord = {
  id: string;
  number: number;
  occurredAt: Date;
  status: TransactionStatus;
  currency: string;
  subtotal: number;
  discount: number;
  tax: number;
  total: number;
  refundedAmount: number;
  paymentMethod: PaymentMethod;
  note: string | null;
  voidedAt: Date | null;
  voidReason: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  customer: { id: string; name: string; email: string | null } | null;
  staff: { id: string; name: string; username: string };
  lines: TransactionLineRecord[];
  refunds: {
    id: string;
    amount: number;
    reason: string | null;
    createdAt: Date;
    lines: { lineId: string; quantity: number; amount: number }[];
  }[];
};

type Row = {
  staff: { id: string; firstName: string; lastName: string; username: string };
  status: string;
  paymentMethod: string;
} & Omit<TransactionRecord, "staff" | "status" | "paymentMethod">;

export function toTransactionRecord(row: Row): TransactionRecord {
  const { staff, ...rest } = row;
  return {
    ...rest,
    status: row.status as TransactionStatus,
    paymentMethod: row.paymentMethod as PaymentMethod,
    staff: { id: staff.id, name: `${staff.firstName} ${staff.lastName}`.trim(), username: staff.username },
  };
}

/** Statuses a sale can still be voided or refunded from. */
export const OPEN_STATUSES = ["completed", "partially_refunded"] as const;
