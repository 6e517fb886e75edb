// Money is integer minor units of an ISO 4217 currency everywhere (database, DAL, API): never a
// float. People type and read decimal text ("12.50"); this module is the one place that converts
// between the two, with string arithmetic so 0.1 + 0.2 never happens. The number of fraction
// digits comes from Intl (USD 2, JPY 0, KWD 3), the same table the browser formats with.
//
// Tax rates travel as basis points (825 = 8.25 %); people type percent text ("8.25"), converted
// by the same decimal helpers.

/** The largest amount a column holds: PostgreSQL `integer` is 32-bit. */
export const MAX_MINOR_UNITS = 2_147_483_647;

/** 100 % in basis points. */
export const MAX_TAX_RATE_BPS = 10_000;

let supported: Set<string> | undefined;

/** The ISO 4217 codes this runtime knows (Intl.supportedValuesOf). */
export function supportedCurrencies(): readonly string[] {
  return [...currencySet()];
}

function currencySet(): Set<string> {
  supported ??= new Set(Intl.supportedValuesOf("currency"));
  return supported;
}

/** True for a known ISO 4217 code written as three upper-case letters. */
export function isSupportedCurrency(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && currencySet().has(code);
}

const digitsCache = new Map<string, number>();

/** Fraction digits of a currency's minor unit: USD 2, JPY 0, KWD 3. */
export function currencyDigits(currency: string): number {
  let digits = digitsCache.get(currency);
  if (digits === undefined) {
    digits = new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
    digitsCache.set(currency, digits);
  }
  return digits;
}

/** 1250 with 2 digits → "12.50"; -5 → "-0.05". Exact for any safe integer. */
export function scaledToDecimalText(value: number, digits: number): string {
  if (!Number.isSafeInteger(value)) throw new RangeError(`Not a safe integer: ${value}`);
  const negative = value < 0;
  const text = String(Math.abs(value)).padStart(digits + 1, "0");
  const whole = text.slice(0, text.length - digits);
  const fraction = text.slice(text.length - digits);
  return `${negative ? "-" : ""}${whole}${digits > 0 ? `.${fraction}` : ""}`;
}

export type DecimalParse = { ok: true; value: number } | { ok: false; message: string };

/**
 * "12.5" with 2 digits → 1250. Accepts digits with an optional "." and at most `digits` fraction
 * digits, thousands commas ("1,234.50"), surrounding spaces; refuses signs, exponents and more
 * precision than the unit has (rather than rounding someone's price silently).
 */
export function parseDecimalText(
  text: string,
  digits: number,
  options: { max?: number; label?: string } = {},
): DecimalParse {
  const label = options.label ?? "amount";
  const trimmed = text.trim();
  if (trimmed === "") return { ok: false, message: `Enter the ${label}.` };
  if (trimmed.startsWith("-")) return { ok: false, message: `The ${label} cannot be negative.` };
  const plain = /^\d{1,3}(,\d{3})+(\.\d*)?$/.test(trimmed) ? trimmed.replace(/,/g, "") : trimmed;
  const match = /^(\d*)(?:\.(\d*))?$/.exec(plain);
  if (!match || (match[1] === "" && (match[2] ?? "") === "")) {
    return {
      ok: false,
      message: `Enter the ${label} as a number, e.g. ${digits > 0 ? `12.${"5".padEnd(digits, "0")}` : "12"}.`,
    };
  }
  const whole = match[1] ?? "";
  const fraction = match[2] ?? "";
  if (fraction.length > digits) {
    return {
      ok: false,
      message:
        digits === 0
          ? `This ${label} has no decimal places.`
          : `Use at most ${digits} decimal place${digits === 1 ? "" : "s"}.`,
    };
  }
  const digitsText = `${whole}${fraction.padEnd(digits, "0")}`.replace(/^0+(?=\d)/, "");
  const max = options.max ?? Number.MAX_SAFE_INTEGER;
  // Compare as text first so a 40-digit input never becomes an inexact number.
  if (digitsText.length > String(max).length || Number(digitsText) > max) {
    return { ok: false, message: `The ${label} is too large.` };
  }
  return { ok: true, value: Number(digitsText) };
}

/** 1250 USD → "12.50"; 1250 JPY → "1250". Plain text for inputs (no symbol, no grouping). */
export function minorToDecimalText(minor: number, currency: string): string {
  return scaledToDecimalText(minor, currencyDigits(currency));
}

/** "12.50" USD → 1250, with a message for people when the text is not an amount in that currency. */
export function parseMoneyText(text: string, currency: string, label = "amount"): DecimalParse {
  return parseDecimalText(text, currencyDigits(currency), { max: MAX_MINOR_UNITS, label });
}

/** 1250 USD → "$12.50" (for display; locale "en-US" unless given). */
export function formatMoney(minor: number, currency: string, locale = "en-US"): string {
  const digits = currencyDigits(currency);
  // Intl takes a decimal string exactly (no float round trip) since ES2023; Node 20 has it.
  const amount = scaledToDecimalText(minor, digits) as unknown as number;
  return moneyFormat(locale, currency, digits).format(amount);
}

/** Formatters by locale and currency: making one costs more than formatting (a dashboard view formats dozens). */
const moneyFormats = new Map<string, Intl.NumberFormat>();
const MONEY_FORMATS_LIMIT = 256;

function moneyFormat(locale: string, currency: string, digits: number): Intl.NumberFormat {
  const key = `${locale}\u0000${currency}`;
  let format = moneyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, {
      style: "currency",
      currency,
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    if (moneyFormats.size >= MONEY_FORMATS_LIMIT) moneyFormats.delete(moneyFormats.keys().next().value!);
    moneyFormats.set(key, format);
  }
  return format;
}

/** 825 → "8.25" (percent text for forms). */
export function bpsToPercentText(bps: number): string {
  return scaledToDecimalText(bps, 2).replace(/\.?0+$/, "") || "0";
}

/** "8.25" → 825; at most two decimals, 0..100 %. */
export function parsePercentText(text: string): DecimalParse {
  const parsed = parseDecimalText(text.replace(/%\s*$/, ""), 2, { max: MAX_TAX_RATE_BPS, label: "rate" });
  if (!parsed.ok && parsed.message.endsWith("too large.")) return { ok: false, message: "The rate is at most 100 %." };
  return parsed;
}

/** 8.25 % of 1999 minor units → 165 (half away from zero, in integers). */
export function applyBps(minor: number, bps: number): number {
  const product = BigInt(minor) * BigInt(bps);
  const sign = product < 0n ? -1n : 1n;
  const abs = product * sign;
  const rounded = (abs + 5_000n) / 10_000n;
  return Number(rounded * sign);
}
