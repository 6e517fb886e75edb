// What the e2e server is started with (scripts/e2e-server.ts) and the tests rely on.
export const E2E_ADMIN = {
  username: "admin",
  email: "admin@e2e.opsdeck.test",
  password: "E2E admin password 2026!",
} as const;
export const E2E_PORT = process.env.E2E_PORT ?? "3210";
export const E2E_DATABASE = `file:./data/e2e-${E2E_PORT}.db`;
