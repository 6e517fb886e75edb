"use client";
import { useTheme } from "next-themes";
import { useEffect, useState, type ComponentType, type ComponentProps } from "react";
import type { Toaster as SonnerToaster } from "sonner";
import { toasterMounted } from "@/components/ui/toast";

type SonnerToasterType = ComponentType<ComponentProps<typeof SonnerToaster>>;

// sonner loads after hydration, not with the page: toasts follow what a person does, and
// components/ui/toast.ts holds each one until this Toaster listens.
export function Toaster() {
  const { resolvedTheme } = useTheme();
  const [Sonner, setSonner] = useState<SonnerToasterType | null>(null);
  useEffect(() => {
    void import("sonner").then(({ Toaster: loaded }) => setSonner(() => loaded));
  }, []);
  // A parent's effects run after its children's: once Sonner renders, it has subscribed.
  useEffect(() => {
    if (Sonner) toasterMounted();
  }, [Sonner]);
  if (!Sonner) return null;
  // Bottom right: at the top the toasts would cover the account menu in the header.
  // In the app's own type (sonner brings its own font stack and 13 px).
  return (
    <Sonner
      theme={resolvedTheme === "dark" ? "dark" : "light"}
      position="bottom-right"
      richColors
      closeButton
      toastOptions={{ className: "font-sans text-sm!" }}
    />
  );
}
