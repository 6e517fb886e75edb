import { afterAll } from "vitest";

// The bcrypt worker threads of each test file's module graph end with it.
afterAll(async () => {
  const { stopBcryptPool } = await import("@/lib/auth/bcrypt-pool");
  await stopBcryptPool();
});
