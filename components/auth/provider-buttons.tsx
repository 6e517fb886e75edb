// "Continue with …" buttons of the external sign-in providers the environment configures (none
// configured: nothing is shown). A server component: each button is a form posting to a server
// action, so the sign-in page ships no extra JavaScript for them.
import { ProviderIcon } from "@/components/auth/provider-icon";
import { buttonClasses } from "@/components/ui/button";
import { startExternalSignInAction } from "@/lib/actions/sign-in-methods/start-external-sign-in";
import { headers } from "next/headers";
import { configuredProviders } from "@/lib/auth/external/providers";
import { REQUEST_PATH_HEADER } from "@/lib/auth/page-paths";

/** The sign-in page's `?next=` (where to go after signing in), from proxy.ts's header, unless given. */
async function nextParam(): Promise<string | null> {
  const path = (await headers()).get(REQUEST_PATH_HEADER);
  return path ? new URL(path, "http://placeholder.invalid").searchParams.get("next") : null;
}

export async function ProviderButtons({ next }: { next?: string } = {}) {
  const providers = configuredProviders();
  if (providers.length === 0) return null;
  const after = next ?? (await nextParam());
  return (
    // Below the passkey button and its "or" divider (the sign-in page's), so no divider of its own.
    <div className="mt-3 space-y-3" data-testid="provider-buttons">
      {providers.map((p) => (
        <form key={p.id} action={startExternalSignInAction.bind(null, p.id, after)}>
          <button type="submit" className={buttonClasses("secondary", "lg", "w-full gap-2")}>
            <ProviderIcon provider={p.id} />
            Continue with {p.name}
          </button>
        </form>
      ))}
    </div>
  );
}
