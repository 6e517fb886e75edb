// `npm run db:seed`: roles, permissions and the first Super Admin (idempotent).
// `npm run db:seed -- --demo`: the same, then a demo coffee shop with a year of sales for trying the
// records and analytics pages (lib/seed/demo-shop.ts); skipped when the demo is already there.
// `--demo-seed=<n>` changes the random seed (default 13); the same seed on the same day gives the
// same shop.
import { loadLocalSecrets } from "@/scripts/lib/local-secrets";
import { seedFromEnv } from "@/scripts/lib/prepare-database";

loadLocalSecrets();
await seedFromEnv();
console.log("seed: roles and permissions are up to date");

const args = process.argv.slice(2);
if (args.includes("--demo")) {
  const seedArg = args.find((a) => a.startsWith("--demo-seed="));
  const seed = seedArg ? Number(seedArg.slice("--demo-seed=".length)) : 13;
  if (!Number.isInteger(seed)) throw new Error("--demo-seed takes a whole number");
  const [{ createPrismaClient, providerOf }, { getEnv }, { hashPassword }, { stopBcryptPool }, { seedDemoShop }] = await Promise.all([
    import("@/lib/db-client"),
    import("@/lib/env"),
    import("@/lib/auth/password"),
    import("@/lib/auth/bcrypt-pool"),
    import("@/lib/seed/demo-shop"),
  ]);
  const url = getEnv().DATABASE_URL;
  const db = createPrismaClient(url);
  try {
    const result = await seedDemoShop(db, { seed, hashPassword, provider: providerOf(url) });
    if (!result.created) {
      console.log(`seed --demo: skipped, ${result.reason}`);
    } else {
      console.log(
        `seed --demo: ${result.customers} customers, ${result.products} products, ${result.staff} staff, ` +
          `${result.transactions} sales (${result.lines} lines, ${result.refunds} refunds, ${result.voids} voids) ` +
          `from ${result.from} to ${result.to}, in ${result.seconds.toFixed(1)} s`,
      );
    }
  } finally {
    await db.$disconnect();
    await stopBcryptPool();
  }
}
