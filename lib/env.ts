// The one reader of process.env. Every variable is validated here; a bad value stops the app at
// start with a message naming the variable. Documented in .env.example and the README.
import "server-only";
import { z } from "zod";

const bool = z
  .enum(["true", "false", "1", "0", "yes", "no", "enabled", "disabled"])
  .transform((v) => ["true", "1", "yes", "enabled"].includes(v));

const positiveInt = z.coerce.number().int().positive();

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  APP_NAME: z.string().trim().min(1).max(60).default("Opsdeck"),
  /** Public base URL; unset, it is this machine on PORT (see withDerivedDefaults). */
  APP_URL: z.url({ protocol: /^https?$/ }).optional(),
  SUPPORT_EMAIL: z.email().default("support@opsdeck.local"),
  EMAIL_FROM: z.string().min(3).default("Opsdeck <no-reply@opsdeck.local>"),
  ACCENT_COLOR: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, "must be a hex colour like #4f46e5")
    .default("#4f46e5"),
  LOGO_PATH: z.string().startsWith("/").default("/logo.svg"),

  DATABASE_URL: z
    .string()
    .regex(/^(file:|postgres(ql)?:\/\/)/, "must start with file: (SQLite) or postgres:// (PostgreSQL)")
    .default("file:./data/opsdeck.db"),
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),

  AUTH_SECRET: z.string().min(32, "must be at least 32 characters (openssl rand -base64 32)"),
  AUTH_ENCRYPTION_KEY: z
    .string()
    .regex(/^[A-Za-z0-9+/_-]{43}=?$/, "must be 32 random bytes in base64 (openssl rand -base64 32)"),

  RESEND_API_KEY: z.string().min(1).optional(),
  RESEND_BASE_URL: z.url().optional(),
  DEV_OUTBOX: bool.optional(),

  SESSION_REMEMBER_DAYS: positiveInt.max(365).default(30),
  SESSION_SHORT_HOURS: positiveInt.max(24 * 7).default(12),
  SESSION_IDLE_MINUTES: positiveInt.max(60 * 24 * 365).default(60 * 24 * 3),

  /** Port of `npm start` / `npm run dev` (scripts/serve.mjs and Next read it themselves). */
  PORT: positiveInt.max(65535).optional(),
  /** Worker processes of `npm start` (scripts/serve.mjs reads it; default: one per CPU, at most 4). */
  WEB_CONCURRENCY: positiveInt.max(64).optional(),
  /** Set by scripts/serve.mjs in each cluster worker: 0 for the first (it runs the background upkeep). */
  WORKER_INDEX: z.coerce.number().int().min(0).optional(),
  /** Reverse proxies in front of the app that append to X-Forwarded-For (0: clients connect directly). */
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  /** Scales every public API rate-limit budget (lib/api/api-rate-limits.ts): 2 doubles them. */
  API_RATE_LIMIT_MULTIPLIER: z.coerce.number().positive().max(1_000_000).default(1),
  BCRYPT_COST: z.coerce.number().int().min(4).max(15).default(12),
  /** Days the activity log keeps events; older ones are pruned daily behind a signed anchor (0: keep all). */
  AUDIT_RETENTION_DAYS: z.coerce
    .number()
    .int()
    .min(0)
    .max(36_500)
    .refine((days) => days === 0 || days >= 30, "must be 0 (keep everything) or at least 30 days")
    .default(365),
  /**
   * Lets SIEM stream destinations use plain http:// and private or loopback addresses (development and
   * tests only; in production a destination must be public HTTPS).
   */
  AUDIT_STREAM_ALLOW_INSECURE: bool.default(false),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),

  ADMIN_EMAIL: z.email().optional(),
  ADMIN_PASSWORD: z.string().min(10).optional(),
  ADMIN_USERNAME: z.string().min(3).optional(),
  /** Whether the seeded Super Admin and Admin roles require 2FA when first created. */
  ADMIN_ROLES_REQUIRE_2FA: bool.default(true),

  // External sign-in providers (lib/auth/external). Each is on when its variables are set, and all
  // of a provider's variables are needed together (a partial set stops the app, see externalProviderIssues).
  /** A generic OpenID Connect provider (Keycloak, Entra ID, Okta, Authentik…): its issuer URL. */
  // https: ID tokens are checked against keys fetched from the issuer; plain http only on this machine.
  OIDC_ISSUER: z
    .url({ protocol: /^https?$/ })
    .refine((u) => u.startsWith("https://") || /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?(\/|$)/.test(u), {
      message: "must be an https:// URL (http:// only for localhost)",
    })
    // An issuer identifier has no query or fragment (OpenID Connect Discovery 1.0 §2); links are
    // keyed "<issuer>#<sub>" (lib/auth/external/providers.ts).
    .refine((u) => !u.includes("?") && !u.includes("#"), { message: "must not contain a query (?) or fragment (#)" })
    .optional(),
  OIDC_CLIENT_ID: z.string().trim().min(1).max(500).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).max(2000).optional(),
  /** The name on its button ("Continue with <name>"). */
  OIDC_NAME: z.string().trim().min(1).max(40).default("Single sign-on"),
  AUTH_GITHUB_ID: z.string().trim().min(1).max(500).optional(),
  AUTH_GITHUB_SECRET: z.string().min(1).max(2000).optional(),
  AUTH_GOOGLE_ID: z.string().trim().min(1).max(500).optional(),
  AUTH_GOOGLE_SECRET: z.string().min(1).max(2000).optional(),
});

/** The variables of each external provider: all or none of them. */
const EXTERNAL_PROVIDER_VARIABLES = {
  "OpenID Connect": ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"],
  GitHub: ["AUTH_GITHUB_ID", "AUTH_GITHUB_SECRET"],
  Google: ["AUTH_GOOGLE_ID", "AUTH_GOOGLE_SECRET"],
} as const satisfies Record<string, readonly (keyof z.infer<typeof schema>)[]>;

/** Messages for providers configured only in part (one set variable and a missing one). */
export function externalProviderIssues(e: z.infer<typeof schema>): string[] {
  const issues: string[] = [];
  for (const [name, keys] of Object.entries(EXTERNAL_PROVIDER_VARIABLES)) {
    const set = keys.filter((k) => e[k] !== undefined);
    if (set.length > 0 && set.length < keys.length) {
      const missing = keys.filter((k) => e[k] === undefined);
      issues.push(
        `  - ${missing.join(", ")}: needed for ${name} sign-in, since ${set.join(", ")} is set (set all of ${keys.join(", ")}, or none)`,
      );
    }
  }
  return issues;
}

/** Defaults that depend on other variables. */
function withDerivedDefaults(e: z.infer<typeof schema>) {
  // A local server on another port must not mail links to :3000 (an explicit APP_URL still wins).
  return { ...e, APP_URL: e.APP_URL ?? `http://localhost:${e.PORT ?? 3000}` };
}

export type Env = ReturnType<typeof withDerivedDefaults>;

function emptyToUndefined(source: NodeJS.ProcessEnv): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const key of Object.keys(schema.shape)) {
    const value = source[key];
    out[key] = value === undefined || value === "" ? undefined : value;
  }
  return out;
}

export function parseEnv(source: NodeJS.ProcessEnv): Env {
  const result = schema.safeParse(emptyToUndefined(source));
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  - ${i.path.join(".") || "(root)"}: ${i.message}`);
    throw new Error(`Invalid environment configuration:\n${lines.join("\n")}\nSee .env.example for every variable.`);
  }
  const partial = externalProviderIssues(result.data);
  if (partial.length) {
    throw new Error(`Invalid environment configuration:\n${partial.join("\n")}\nSee .env.example for every variable.`);
  }
  return withDerivedDefaults(result.data);
}

let cached: Env | undefined;

/** The validated environment, parsed once. */
export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

export const env: Env = new Proxy({} as Env, {
  get: (_target, key: string) => getEnv()[key as keyof Env],
});

/** Production means a real deployment: never the dev outbox, HSTS, Secure cookies on https. */
export function isDevOutboxEnabled(): boolean {
  const e = getEnv();
  return e.DEV_OUTBOX ?? e.NODE_ENV !== "production";
}
