import "@fontsource-variable/inter";
import "./globals.css";
import type { Metadata } from "next";
import type { CSSProperties, ReactNode } from "react";
import { headers } from "next/headers";
import { ThemeProvider } from "next-themes";
import { HydrationMarker } from "@/components/layout/hydration-marker";
import { Toaster } from "@/components/ui/toaster";
import { config } from "@/lib/config";

export async function generateMetadata(): Promise<Metadata> {
  return {
    title: { default: config.productName, template: `%s · ${config.productName}` },
    description: config.tagline,
    applicationName: config.productName,
  };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  // proxy.ts puts the per-request CSP nonce here; inline scripts we add must carry it.
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    <html lang="en" suppressHydrationWarning>
      <body style={{ "--brand": config.accentColor } as CSSProperties} className="min-h-dvh font-sans">
        <ThemeProvider attribute="class" defaultTheme="system" enableSystem disableTransitionOnChange nonce={nonce}>
          {children}
          <Toaster />
          <HydrationMarker />
        </ThemeProvider>
      </body>
    </html>
  );
}
