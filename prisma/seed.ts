// `npm run db:seed`: applies pending migrations' seed data (roles, permissions, first admin).
import { createPrismaClient } from "@/lib/db-client";
import { getEnv } from "@/lib/env";
import { hashPassword } from "@/lib/auth/password";
import { seedDatabase } from "@/lib/seed/seed-database";
import { printAdminBanner } from "@/scripts/lib/print-admin-banner";
import { loadLocalSecrets } from "@/scripts/lib/local-secrets";

loadLocalSecrets();
const env = getEnv();
const db = createPrismaClient(env.DATABASE_URL);
try {
  const result = await seedDatabase(db, {
    adminEmail: env.ADMIN_EMAIL,
    adminPassword: env.ADMIN_PASSWORD,
    adminUsername: env.ADMIN_USERNAME,
    hashPassword,
  });
  printAdminBanner(result);
  console.log("seed: roles and permissions are up to date");
} finally {
  await db.$disconnect();
}
