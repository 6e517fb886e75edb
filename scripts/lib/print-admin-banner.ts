import type { SeedResult } from "@/lib/seed/seed-database";

export function printAdminBanner(result: SeedResult, requires2fa: boolean): void {
  if (result.adminNotCreated) {
    console.warn(`\n${result.adminNotCreated.message}\n`);
    return;
  }
  const admin = result.createdAdmin;
  if (!admin) return;
  const lines = [
    "First Super Admin created",
    `  username: ${admin.username}`,
    `  email:    ${admin.email}`,
    admin.password && admin.generated
      ? `  password: ${admin.password}   <- DEMO password, shown only this once`
      : "  password: the one in ADMIN_PASSWORD",
    requires2fa ? "This role requires two-factor authentication: the first sign-in asks you to set it up." : "",
    admin.generated ? "Set ADMIN_EMAIL and ADMIN_PASSWORD to choose them yourself." : "",
  ].filter(Boolean);
  const width = Math.max(...lines.map((l) => l.length)) + 4;
  const bar = "*".repeat(width);
  console.log(`\n${bar}\n${lines.map((l) => `* ${l.padEnd(width - 4)} *`).join("\n")}\n${bar}\n`);
}
