// Environment shared by unit and integration tests: fixed secrets, fast bcrypt, silent logs.
export const TEST_ENV = {
  NODE_ENV: "test",
  AUTH_SECRET: "test-secret-test-secret-test-secret-0123456789",
  AUTH_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"),
  APP_URL: "http://localhost:3000",
  BCRYPT_COST: "4",
  LOG_LEVEL: "silent",
  DEV_OUTBOX: "enabled",
} as const;

export function applyTestEnv(): void {
  for (const [key, value] of Object.entries(TEST_ENV)) {
    (process.env as Record<string, string>)[key] = value;
  }
}

export const TEST_ADMIN = {
  username: "admin",
  email: "admin@opsdeck.test",
  password: "Admin-password-for-tests-1",
} as const;
