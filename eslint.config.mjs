import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      "node_modules/**",
      ".next/**",
      ".next-*/**",
      "generated/**",
      "test-results/**",
      "playwright-report/**",
      "data/**",
      "next-env.d.ts",
    ],
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  // Dependencies point one way: app/ (routes) → components/ (UI) → lib/ (logic). Server actions live in
  // lib/actions/<area>/<verb-noun>.ts; pages and components reach data only through the DAL.
  {
    files: ["components/**/*.{ts,tsx}", "lib/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["@/app/*", "**/app/*"], message: "components/ and lib/ never import from app/." }] },
      ],
    },
  },
  {
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            { name: "@/lib/db", message: "Pages and components read data through lib/data (the DAL)." },
            { name: "@/lib/db-client", message: "Pages and components read data through lib/data (the DAL)." },
          ],
          patterns: [{ group: ["@/app/*"], message: "Import server actions from lib/actions, not from app/." }],
        },
      ],
    },
  },
  // Tests of route handlers sit beside them and set up rows directly: the one-way rule is for the app's own code.
  {
    files: ["app/**/*.test.ts"],
    rules: { "no-restricted-imports": "off" },
  },
];

export default config;
