import type { Metadata } from "next";
import { KeyRound } from "lucide-react";
import { SignInProviderCard } from "@/components/admin/sign-in-providers/sign-in-provider-card";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/require-page-viewer";
import { absoluteUrl } from "@/lib/http/urls";
import { listSignInProviders, SIGN_IN_PROVIDERS_PERMISSION } from "@/lib/data/sign-in-methods/list-sign-in-providers";

export const metadata: Metadata = { title: "Sign-in providers" };

export default async function SignInProvidersPage() {
  const viewer = await requirePagePermission(SIGN_IN_PROVIDERS_PERMISSION);
  const providers = await listSignInProviders(viewer);
  return (
    <>
      <PageHeader
        title="Sign-in providers"
        description="External identity providers set up in the server's environment. Choose per provider whether it may create accounts and whether its multi-factor claim counts as the second factor."
      />
      {providers.length === 0 ? (
        <Card>
          <EmptyState
            icon={KeyRound}
            title="No sign-in provider is set up"
            description="Set OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET (or the GitHub or Google variables) and restart the server."
          />
        </Card>
      ) : (
        <div className="space-y-6">
          {providers.map((p) => (
            <SignInProviderCard
              key={p.id}
              provider={{
                id: p.id,
                name: p.name,
                allowSignUp: p.allowSignUp,
                trustProviderMfa: p.trustProviderMfa,
                linkedAccounts: p.linkedAccounts,
                callbackUrl: absoluteUrl(p.callbackPath),
              }}
              readOnly={viewer.impersonatorId !== null}
            />
          ))}
        </div>
      )}
    </>
  );
}
