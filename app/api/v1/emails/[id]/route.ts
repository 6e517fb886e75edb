import { json, withApi } from "@/lib/api/with-api";
import { getApiEmail } from "@/lib/data/emails/get-api-email";

/**
 * GET /api/v1/emails/{id}: an API email's delivery status, attempts and last error. The sender's
 * own (email.send), or any (email.outbox.read): the DAL decides, so the route asks only for a principal.
 */
export const GET = withApi(async (ctx) => json({ data: await getApiEmail(ctx.actor, ctx.params.id) }), {
  signedIn: true,
});
