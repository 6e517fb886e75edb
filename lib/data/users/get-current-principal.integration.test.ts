import { describe, expect, it } from "vitest";
import { getCurrentPrincipal } from "@/lib/data/users/get-current-principal";
import { authenticateApiKey } from "@/lib/api/authenticate-api-key";
import { apiKeyFor } from "@/test/api-keys";
import { createTestUser } from "@/test/create-test-user";
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
      [
        "apiKey",
        "authenticatedBy",
        "email",
        "emailVerified",
        "firstName",
        "id",
        "lastName",
        "permissions",
        "roles",
        "twoFactorEnabled",
        "username",
      ].sort(),
    );
  });

  it("describes an API key's principal: its owner, the scopes it may use now, and the key", async () => {
    const owner = await createTestUser({ role: "manager" });
    const { key, id, prefix } = await apiKeyFor(owner.id, ["customers.read"], { name: "CRM sync" });
    const principal = getCurrentPrincipal(await authenticateApiKey(key, null));
    expect(principal).toMatchObject({
      id: owner.id,
      authenticatedBy: "api_key",
      permissions: ["customers.read"],
      apiKey: { id, name: "CRM sync", prefix, scopes: ["customers.read"], expiresAt: null },
    });
    expect(JSON.stringify(principal)).not.toContain(key);
  });
});
