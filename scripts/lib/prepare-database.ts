// Migrate, then seed: what every run command does before serving.
import { createPrismaClient } from "@/lib/db-client";
import { migrate } from "@/lib/db-migrate";
import { getEnv } from "@/lib/env";
import { hashPassword } from "@/lib/auth/password";
import { seedDatabase } from "@/lib/seed/seed-database";
import { printAdminBanner } from "@/scripts/lib/print-admin-banner";

export async function prepareDatabase(): Promise<void> {
  const env = getEnv();
  const applied = await migrate(env.DATABASE_URL);
  if (applied.length) console.log(`Applied migrations: ${applied.join(", ")}`);
  const db = createPrismaClient(env.DATABASE_URL);
  try {
    printAdminBanner(
      await seedDatabase(db, {
        adminEmail: env.ADMIN_EMAIL,
        adminPassword: env.ADMIN_PASSWORD,
        adminUsername: env.ADMIN_USERNAME,
        hashPassword,
      }),
    );
  } finally {
    await db.$disconnect();
  }
}
