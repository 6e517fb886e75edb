// The currency select's options: a few common codes first, then every ISO 4217 code the runtime
// knows (the same list lib/money.ts validates against), each with its English name.
import { supportedCurrencies } from "@/lib/money";
import type { SelectOption } from "@/components/ui/select";

const COMMON = ["USD", "EUR", "GBP", "CAD", "AUD", "JPY", "CHF", "SEK", "NOK", "DKK", "INR", "CNY"];

let cached: { common: SelectOption[]; rest: SelectOption[] } | undefined;

export function currencyOptions(): { common: SelectOption[]; rest: SelectOption[] } {
  if (cached) return cached;
  const names = new Intl.DisplayNames(["en"], { type: "currency" });
  const option = (code: string) => ({ value: code, label: `${code} — ${names.of(code) ?? code}` });
  const all = supportedCurrencies();
  const common = COMMON.filter((c) => all.includes(c));
  cached = { common: common.map(option), rest: all.filter((c) => !common.includes(c)).map(option) };
  return cached;
}
