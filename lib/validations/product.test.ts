import { describe, expect, it } from "vitest";
import {
  adjustStockSchema,
  createProductSchema,
  productCsvRowSchema,
  productFormSchema,
  updateProductSchema,
  type ProductFormValues,
} from "@/lib/validations/product";

const valid = { sku: "tea-1", name: "  Earl   Grey ", unitPrice: 1250, currency: "usd" };

function errorsOf(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return Object.fromEntries((result.error?.issues ?? []).map((i) => [String(i.path[0]), i.message]));
}

describe("createProductSchema", () => {
  it("normalises and fills defaults", () => {
    expect(createProductSchema.parse(valid)).toEqual({
      sku: "TEA-1",
      name: "Earl Grey",
      unitPrice: 1250,
      unitCost: 0,
      currency: "USD",
      taxRateBps: 0,
      stock: 0,
      lowStockThreshold: 0,
      active: true,
    });
  });

  it.each([
    ["sku", "", "Enter a SKU."],
    ["sku", "has space", "Use letters, digits and - _ . / only (no spaces)."],
    ["sku", "x".repeat(65), "Use at most 64 characters."],
    ["name", "   ", "Enter a name."],
    ["unitPrice", 12.5, "The unit price is a whole number of minor units (cents for USD): 1250 for 12.50."],
    ["unitPrice", "1250", "The unit price is a whole number of minor units (cents for USD): 1250 for 12.50."],
    ["unitPrice", -1, "The unit price cannot be negative."],
    ["unitPrice", 2 ** 31, "The unit price is at most 2147483647."],
    ["unitCost", 0.1, "The unit cost is a whole number of minor units (cents for USD): 1250 for 12.50."],
    ["currency", "ZZZ", "Give the currency as an ISO 4217 code, e.g. USD."],
    ["currency", "US", "Give the currency as an ISO 4217 code, e.g. USD."],
    ["taxRateBps", 10001, "The tax rate is at most 10000 (100 %)."],
    ["taxRateBps", 8.25, "The tax rate is whole basis points: 825 for 8.25 %."],
    ["stock", -1, "Stock cannot be negative."],
    ["lowStockThreshold", 1.5, "The low-stock threshold is a whole number."],
    ["active", "yes", "active is true or false."],
  ])("%s = %j → %s", (field, value, message) => {
    const result = createProductSchema.safeParse({ ...valid, [field]: value });
    expect(result.success).toBe(false);
    expect(errorsOf(result)[field]).toBe(message);
  });

  it("refuses unknown fields and a missing body", () => {
    expect(createProductSchema.safeParse({ ...valid, price: 3 }).success).toBe(false);
    expect(createProductSchema.safeParse(null).success).toBe(false);
  });

  it("requires sku, name, unitPrice and currency", () => {
    const result = createProductSchema.safeParse({});
    expect(Object.keys(errorsOf(result)).sort()).toEqual(["currency", "name", "sku", "unitPrice"]);
  });
});

describe("updateProductSchema", () => {
  it("takes any subset and leaves the rest out", () => {
    expect(updateProductSchema.parse({ unitPrice: 1350 })).toEqual({ unitPrice: 1350 });
    expect(updateProductSchema.parse({ description: "" })).toEqual({ description: null });
    expect(updateProductSchema.safeParse({ unitPrice: 13.5 }).success).toBe(false);
  });
});

describe("adjustStockSchema", () => {
  it("takes a signed whole change with a reason", () => {
    expect(adjustStockSchema.parse({ delta: -3, reason: " damaged " })).toEqual({ delta: -3, reason: "damaged" });
    expect(adjustStockSchema.safeParse({ delta: 0, reason: "x" }).success).toBe(false);
    expect(adjustStockSchema.safeParse({ delta: 2, reason: "" }).success).toBe(false);
  });
});

const form: ProductFormValues = {
  sku: "tea-1",
  name: "Earl Grey",
  description: "",
  unitPrice: "12.50",
  unitCost: "7",
  currency: "USD",
  taxRate: "8.25",
  stock: "40",
  lowStockThreshold: "5",
  active: true,
};

describe("productFormSchema (the dialog's text → API input)", () => {
  it("converts decimal money and percent exactly", () => {
    expect(productFormSchema.parse(form)).toEqual({
      sku: "TEA-1",
      name: "Earl Grey",
      description: null,
      unitPrice: 1250,
      unitCost: 700,
      currency: "USD",
      taxRateBps: 825,
      stock: 40,
      lowStockThreshold: 5,
      active: true,
    });
    expect(productFormSchema.parse({ ...form, unitPrice: "0.29", unitCost: "", taxRate: "" })).toMatchObject({
      unitPrice: 29,
      unitCost: 0,
      taxRateBps: 0,
    });
    expect(productFormSchema.parse({ ...form, currency: "JPY", unitPrice: "1250", unitCost: "700" })).toMatchObject({
      unitPrice: 1250,
    });
  });

  it("reports every bad field at once", () => {
    const result = productFormSchema.safeParse({
      ...form,
      sku: "",
      unitPrice: "12.345",
      taxRate: "120",
      stock: "1.5",
      lowStockThreshold: "-1",
    });
    expect(errorsOf(result)).toEqual({
      sku: "Enter a SKU.",
      unitPrice: "Use at most 2 decimal places.",
      taxRate: "The rate is at most 100 %.",
      stock: "The stock is a whole number.",
      lowStockThreshold: "The threshold cannot be negative.",
    });
  });

  it("checks money against the chosen currency's digits", () => {
    expect(errorsOf(productFormSchema.safeParse({ ...form, currency: "JPY" }))).toEqual({
      unitPrice: "This unit price has no decimal places.",
    });
    expect(errorsOf(productFormSchema.safeParse({ ...form, currency: "nope" }))).toEqual({
      currency: "Give the currency as an ISO 4217 code, e.g. USD.",
    });
  });
});

describe("productCsvRowSchema", () => {
  it("reads people's columns", () => {
    expect(
      productCsvRowSchema.parse({ sku: "a-1", name: "A", unit_price: "1.99", currency: "EUR", active: "no", stock: "3" }),
    ).toMatchObject({ sku: "A-1", unitPrice: 199, currency: "EUR", active: false, stock: 3, taxRateBps: 0 });
  });

  it("names errors by CSV column", () => {
    const result = productCsvRowSchema.safeParse({ sku: "a 1", name: "A", unit_price: "x", currency: "EUR", tax_rate_percent: "101", active: "maybe" });
    expect(errorsOf(result)).toEqual({
      active: "Use yes or no.",
      sku: "Use letters, digits and - _ . / only (no spaces).",
      unit_price: "Enter the unit price as a number, e.g. 12.50.",
      tax_rate_percent: "The rate is at most 100 %.",
    });
  });
});
