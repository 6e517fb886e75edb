import { json, withApi } from "@/lib/api/with-api";
import { getCurrentPrincipal } from "@/lib/data/users/get-current-principal";

/**
 * GET /api/v1/me: the calling principal, by API key (Authorization: Bearer) or session cookie:
 * `200 { data: { id, username, email, firstName, lastName, emailVerified, twoFactorEnabled, roles,
 * permissions, authenticatedBy, apiKey } }`. `permissions` are what this request may do: for a key,
 * its scopes that its owner still holds. 401 problem+json without a full session or a valid key.
 */
export const GET = withApi(async (ctx) => json({ data: getCurrentPrincipal(ctx.actor) }), { signedIn: true });
