// Signed-in viewers for DAL integration tests, picked by what they may do: the holder of a
// built-in role, or of a custom role made of chosen permissions. Both go through the real session
// path (test/user-admin.ts), with 2FA marked on so a role that requires it does not hold them back.
import type { Viewer } from "@/lib/auth/viewer";
import { customRole, userWithRole } from "@/test/user-admin";

export async function viewerWithRole(roleKey: string): Promise<Viewer> {
  return (await userWithRole(roleKey)).viewer;
}

export async function viewerWithPermissions(permissions: readonly string[]): Promise<Viewer> {
  return viewerWithRole((await customRole(permissions)).key);
}
