import { json, withApi } from "@/lib/api/with-api";
import { sendApiEmail } from "@/lib/data/emails/send-api-email";

/** POST /api/v1/emails: send a plain or templated email to an address or a customer; 202 with its delivery state. */
export const POST = withApi(
  async (ctx) => {
    const email = await sendApiEmail(ctx.actor, await ctx.json(), ctx);
    return json({ data: email }, { status: 202, headers: { Location: `/api/v1/emails/${email.id}` } });
  },
  { permission: "email.send" },
);
