"use server";
// "Continue with <provider>" on the sign-in page (a plain form: works as a server action post).
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { configuredProvider } from "@/lib/auth/external/providers";
import { startExternalSignIn } from "@/lib/auth/external/start-external-sign-in";
import { log } from "@/lib/log";
import { safeNextPath } from "@/lib/http/urls";

export async function startExternalSignInAction(providerId: string, next: string | null): Promise<void> {
  const provider = configuredProvider(providerId);
  if (!provider) redirect("/sign-in/external/error?reason=unknown_provider");
  let url: string;
  try {
    const started = await startExternalSignIn(
      { kind: "sign_in", provider: provider.id, next: next ? safeNextPath(next) : null },
      (await headers()).get("cookie") ?? "",
    );
    const jar = await cookies();
    for (const c of started.cookies) jar.set(c.name, c.value, c.options);
    url = started.url;
  } catch (error) {
    log.warn({ err: error, provider: provider.id }, "external sign-in could not start");
    redirect("/sign-in/external/error?reason=provider_unreachable");
  }
  redirect(url);
}
