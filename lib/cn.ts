import { clsx, type ClassValue } from "clsx";

/**
 * Joins class names. There is no conflict merging (tailwind-merge would put 8 kB on every page):
 * a component picks one of two conflicting utilities itself, and a caller that must override a
 * base utility marks its class important (`text-danger!`).
 */
export function cn(...inputs: ClassValue[]): string {
  return clsx(inputs);
}
