import { describe, expect, it } from "vitest";
import { getCurrentPrincipal } from "@/lib/data/users/get-current-principal";
import { UnauthenticatedError } from "@/lib/errors";
import { newUser, signIn } from "@/test/accounts";

describe("getCurrentPrincipal", () => {
  it("describes the signed-in person: identity, roles and effective permissions, nothing secret", async () => {
    const user = await newUser();
    const { viewer } = await signIn(user.id);
    const principal = getCurrentPrincipal(viewer);
    expect(principal).toMatchObject({
      id: user.id,
      username: user.username,
      email: user.email,
      emailVerified: true,
      twoFactorEnabled: false,
      roles: [{ key: "user", name: expect.any(String) }],
    });
    expect(principal.permissions).toEqual([...viewer.permissions].sort());
    expect(principal.permissions.length).toBeGreaterThan(0);
    expect(Object.keys(principal).sort()).toEqual(
      ["email", "emailVerified", "firstName", "id", "lastName", "permissions", "roles", "twoFactorEnabled", "username"].sort(),
    );
  });

  it("refuses without a viewer, and for a sign-in whose second factor is still pending", async () => {
    expect(() => getCurrentPrincipal(null)).toThrow(UnauthenticatedError);
    const user = await newUser();
    const { viewer } = await signIn(user.id, "pending_second_factor");
    expect(() => getCurrentPrincipal(viewer)).toThrow(UnauthenticatedError);
  });
});
