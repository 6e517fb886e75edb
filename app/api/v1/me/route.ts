import { json, withApi } from "@/lib/api/with-api";
import { getViewer } from "@/lib/auth/viewer";
import { getCurrentPrincipal } from "@/lib/data/users/get-current-principal";

/**
 * GET /api/v1/me: the signed-in principal (session cookie): `200 { data: { id, username, email,
 * firstName, lastName, emailVerified, twoFactorEnabled, roles, permissions } }`; 401 problem+json
 * without a full session (none, expired, revoked, or a second factor still pending).
 */
export const GET = withApi(async () => json({ data: getCurrentPrincipal(await getViewer()) }));
