// Secrets for running on one machine without any configuration: generated once into
// data/secrets.json (git-ignored, mode 600) and reused. A variable set in the environment always
// wins; production deployments set AUTH_SECRET and AUTH_ENCRYPTION_KEY themselves.
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import nextEnv from "@next/env";

export const SECRETS_FILE = path.resolve("data", "secrets.json");

type LocalSecrets = { AUTH_SECRET: string; AUTH_ENCRYPTION_KEY: string };

/**
 * Loads .env files the way Next.js does (so scripts and the app agree), then fills missing secrets
 * from the local file; returns whether the local file was used.
 */
export function loadLocalSecrets(): { usedLocalFile: boolean } {
  nextEnv.loadEnvConfig(process.cwd(), process.env.NODE_ENV === "development", {
    info: () => {},
    error: console.error,
  });
  const missing = !process.env.AUTH_SECRET || !process.env.AUTH_ENCRYPTION_KEY;
  if (!missing) return { usedLocalFile: false };
  let secrets: LocalSecrets;
  if (existsSync(SECRETS_FILE)) {
    secrets = JSON.parse(readFileSync(SECRETS_FILE, "utf8")) as LocalSecrets;
  } else {
    secrets = {
      AUTH_SECRET: randomBytes(32).toString("base64url"),
      AUTH_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
    };
    mkdirSync(path.dirname(SECRETS_FILE), { recursive: true });
    writeFileSync(SECRETS_FILE, JSON.stringify(secrets, null, 2) + "\n", { mode: 0o600 });
    chmodSync(SECRETS_FILE, 0o600);
    console.log(`Generated local secrets in ${path.relative(process.cwd(), SECRETS_FILE)} (kept for later runs).`);
  }
  process.env.AUTH_SECRET ||= secrets.AUTH_SECRET;
  process.env.AUTH_ENCRYPTION_KEY ||= secrets.AUTH_ENCRYPTION_KEY;
  // Running on locally generated secrets means this is not a production deployment: keep the
  // developer outbox reachable unless told otherwise.
  process.env.DEV_OUTBOX ||= "enabled";
  return { usedLocalFile: true };
}
