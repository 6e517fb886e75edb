"use server";
// Settings → Sign-in methods → "Link <provider>": only with a verified address and a recent sign-in
// (assert-may-link.ts); the intent is bound to this very session, and the callback links only if
// the request still carries it (lib/data/sign-in-methods/complete-external-sign-in.ts).
import { cookies, headers } from "next/headers";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { configuredProvider } from "@/lib/auth/external/providers";
import { startExternalSignIn } from "@/lib/auth/external/start-external-sign-in";
import { getViewer } from "@/lib/auth/viewer";
import { assertMayLink } from "@/lib/data/sign-in-methods/assert-may-link";
import { NotFoundError } from "@/lib/errors";

export async function startExternalLinkAction(providerId: string): Promise<ActionResult<{ redirectTo: string }>> {
  return runAction("start-external-link", async () => {
    const viewer = await assertMayLink(await getViewer());
    const provider = configuredProvider(providerId);
    if (!provider) throw new NotFoundError("This sign-in provider is not configured.");
    const started = await startExternalSignIn(
      { kind: "link", provider: provider.id, sessionId: viewer.sessionId },
      (await headers()).get("cookie") ?? "",
    );
    const jar = await cookies();
    for (const c of started.cookies) jar.set(c.name, c.value, c.options);
    return { redirectTo: started.url };
  });
}
