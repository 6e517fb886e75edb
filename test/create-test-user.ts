// Integration-test users written straight to the database (faster than the sign-up path when a
// test is about something else), with a known password and the built-in role of choice.
import { db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { STRONG_PASSWORD, uniqueName } from "@/test/helpers";

export type TestUserOptions = {
  password?: string;
  verified?: boolean;
  status?: "active" | "pending" | "banned";
  role?: string;
  firstName?: string;
};

export async function createTestUser(options: TestUserOptions = {}) {
  const username = uniqueName("t");
  const password = options.password ?? STRONG_PASSWORD;
  const role = await db.role.findUniqueOrThrow({ where: { key: options.role ?? "user" }, select: { id: true } });
  const user = await db.user.create({
    data: {
      username,
      email: `${username}@example.com`,
      firstName: options.firstName ?? "Test",
      lastName: "Person",
      dateOfBirth: new Date(Date.UTC(1990, 0, 1)),
      passwordHash: await hashPassword(password),
      emailVerifiedAt: options.verified === false ? null : new Date(),
      status: options.status ?? "active",
      roles: { create: { roleId: role.id } },
    },
    select: { id: true, username: true, email: true, firstName: true },
  });
  return { ...user, password };
}
