"use client";
import { Toaster as Sonner } from "sonner";
import { useTheme } from "next-themes";

// Bottom right: at the top the toasts would cover the account menu in the header.
export function Toaster() {
  const { resolvedTheme } = useTheme();
  return <Sonner theme={resolvedTheme === "dark" ? "dark" : "light"} position="bottom-right" richColors closeButton />;
}
