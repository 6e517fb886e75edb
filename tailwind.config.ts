// Design tokens. Colours are CSS variables (app/globals.css) so that dark mode and the brand
// accent (ACCENT_COLOR) switch without rebuilding.
import type { Config } from "tailwindcss";

const token = (name: string) => `rgb(var(--${name}) / <alpha-value>)`;

export default {
  content: ["./app/**/*.{ts,tsx}", "./components/**/*.{ts,tsx}"],
  theme: {
    extend: {
      colors: {
        background: token("background"),
        foreground: token("foreground"),
        surface: token("surface"),
        muted: { DEFAULT: token("muted"), foreground: token("muted-foreground") },
        border: token("border"),
        ring: "var(--brand)",
        brand: { DEFAULT: "var(--brand)", foreground: "#ffffff", soft: "var(--brand-soft)" },
        danger: { DEFAULT: token("danger"), soft: token("danger-soft") },
        warning: { DEFAULT: token("warning"), soft: token("warning-soft") },
        success: { DEFAULT: token("success"), soft: token("success-soft") },
      },
      fontFamily: {
        sans: ['"Inter Variable"', "ui-sans-serif", "system-ui", "sans-serif"],
      },
      borderRadius: { lg: "0.625rem", xl: "0.875rem" },
    },
  },
} satisfies Config;
