import { describe, expect, it } from "vitest";
import { parseEnv as parseProcessEnv } from "@/lib/env";

const REQUIRED = {
  AUTH_SECRET: "a".repeat(32),
  AUTH_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString("base64"),
};

const parseEnv = (source: Record<string, string | undefined>) => parseProcessEnv(source as NodeJS.ProcessEnv);

function parseError(source: Record<string, string | undefined>): string {
  try {
    parseEnv(source);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("parseEnv accepted an invalid environment");
}

describe("parseEnv", () => {
  it("fills in defaults when only the secrets are set", () => {
    const env = parseEnv(REQUIRED);
    expect(env).toMatchObject({
      NODE_ENV: "development",
      APP_NAME: "Opsdeck",
      APP_URL: "http://localhost:3000",
      ACCENT_COLOR: "#4f46e5",
      DATABASE_URL: "file:./data/opsdeck.db",
      SESSION_REMEMBER_DAYS: 30,
      SESSION_SHORT_HOURS: 12,
      SESSION_IDLE_MINUTES: 60 * 24 * 3,
      TRUST_PROXY_HOPS: 0,
      BCRYPT_COST: 12,
      LOG_LEVEL: "info",
    });
    expect(env.REDIS_URL).toBeUndefined();
    expect(env.RESEND_API_KEY).toBeUndefined();
  });

  it("treats empty strings as unset", () => {
    const env = parseEnv({ ...REQUIRED, APP_NAME: "", DATABASE_URL: "", BCRYPT_COST: "" });
    expect(env.APP_NAME).toBe("Opsdeck");
    expect(env.DATABASE_URL).toBe("file:./data/opsdeck.db");
    expect(env.BCRYPT_COST).toBe(12);
  });

  it("coerces numbers and booleans", () => {
    const env = parseEnv({ ...REQUIRED, BCRYPT_COST: "4", TRUST_PROXY_HOPS: "2", DEV_OUTBOX: "enabled" });
    expect(env.BCRYPT_COST).toBe(4);
    expect(env.TRUST_PROXY_HOPS).toBe(2);
    expect(env.DEV_OUTBOX).toBe(true);
    expect(parseEnv({ ...REQUIRED, DEV_OUTBOX: "no" }).DEV_OUTBOX).toBe(false);
  });

  it("names the missing secrets", () => {
    const message = parseError({});
    expect(message).toMatch(/Invalid environment configuration/);
    expect(message).toContain("AUTH_SECRET");
    expect(message).toContain("AUTH_ENCRYPTION_KEY");
  });

  it("keeps audit events at least 30 days unless retention is off", () => {
    expect(parseError({ ...REQUIRED, AUDIT_RETENTION_DAYS: "7" })).toMatch(/AUDIT_RETENTION_DAYS: must be 0/);
    expect(parseEnv({ ...REQUIRED, AUDIT_RETENTION_DAYS: "0" }).AUDIT_RETENTION_DAYS).toBe(0);
    expect(parseEnv({ ...REQUIRED, AUDIT_RETENTION_DAYS: "30" }).AUDIT_RETENTION_DAYS).toBe(30);
    expect(parseEnv({ ...REQUIRED }).AUDIT_RETENTION_DAYS).toBe(365);
  });

  it("names a bad variable and only that one", () => {
    const message = parseError({ ...REQUIRED, BCRYPT_COST: "99" });
    expect(message).toContain("BCRYPT_COST");
    expect(message).not.toContain("AUTH_SECRET");
    expect(message).not.toContain("DATABASE_URL:");
  });

  it("rejects a short AUTH_SECRET and a key that is not 32 bytes of base64", () => {
    expect(parseError({ ...REQUIRED, AUTH_SECRET: "short" })).toMatch(/AUTH_SECRET: must be at least 32 characters/);
    expect(parseError({ ...REQUIRED, AUTH_ENCRYPTION_KEY: Buffer.alloc(16).toString("base64") })).toContain(
      "AUTH_ENCRYPTION_KEY",
    );
  });

  it.each(["#4F46E5", "#00ff00", "#abcdef"])("accepts the accent colour %s", (colour) => {
    expect(parseEnv({ ...REQUIRED, ACCENT_COLOR: colour }).ACCENT_COLOR).toBe(colour);
  });

  it.each(["red", "#fff", "4f46e5", "#4f46e5 ", "#4f46e5;background:red", "#gggggg"])(
    "rejects the accent colour %j",
    (colour) => {
      expect(parseError({ ...REQUIRED, ACCENT_COLOR: colour })).toMatch(/ACCENT_COLOR: must be a hex colour/);
    },
  );

  it.each(["file:./data/x.db", "file:/tmp/x.db", "postgres://u@localhost/db", "postgresql://u:p@db:5432/app"])(
    "accepts the database URL %s",
    (url) => {
      expect(parseEnv({ ...REQUIRED, DATABASE_URL: url }).DATABASE_URL).toBe(url);
    },
  );

  it.each(["mysql://u@localhost/db", "./data/x.db", "sqlite:x.db", "http://postgres://x"])(
    "rejects the database URL %s",
    (url) => {
      expect(parseError({ ...REQUIRED, DATABASE_URL: url })).toMatch(
        /DATABASE_URL: must start with file: \(SQLite\) or postgres:\/\//,
      );
    },
  );

  it("rejects an APP_URL that is not http(s) and a REDIS_URL that is not redis", () => {
    expect(parseError({ ...REQUIRED, APP_URL: "ftp://example.com" })).toContain("APP_URL");
    expect(parseError({ ...REQUIRED, REDIS_URL: "http://localhost:6379" })).toContain("REDIS_URL");
    expect(parseEnv({ ...REQUIRED, REDIS_URL: "redis://127.0.0.1:6379" }).REDIS_URL).toBe("redis://127.0.0.1:6379");
  });

  it("rejects an unknown NODE_ENV and LOG_LEVEL", () => {
    expect(parseError({ ...REQUIRED, NODE_ENV: "staging" })).toContain("NODE_ENV");
    expect(parseError({ ...REQUIRED, LOG_LEVEL: "verbose" })).toContain("LOG_LEVEL");
  });

  it("email links follow PORT when APP_URL is unset (PORT=4000 npm start links to :4000, not :3000)", () => {
    expect(parseEnv({ ...REQUIRED, PORT: "4000" }).APP_URL).toBe("http://localhost:4000");
    expect(parseEnv({ ...REQUIRED, PORT: "" }).APP_URL).toBe("http://localhost:3000");
  });

  it("an explicit APP_URL wins over PORT", () => {
    expect(parseEnv({ ...REQUIRED, PORT: "4000", APP_URL: "https://ops.example.com" }).APP_URL).toBe(
      "https://ops.example.com",
    );
  });

  it("rejects a PORT that is not a TCP port", () => {
    expect(parseError({ ...REQUIRED, PORT: "http" })).toContain("PORT");
    expect(parseError({ ...REQUIRED, PORT: "70000" })).toContain("PORT");
  });
});
