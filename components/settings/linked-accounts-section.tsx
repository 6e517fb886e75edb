// Settings → Sign-in methods: the external provider identities linked to this account, a "Link"
// button for each configured provider, and "Unlink" (refused for the account's last way to sign
// in). None configured and none linked: nothing is shown. A server component loading its own data
// through the DAL; the buttons live in linked-accounts-list.tsx.
import { Link2 } from "lucide-react";
import { LinkedAccountsList } from "@/components/settings/linked-accounts-list";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { headers } from "next/headers";
import { REQUEST_PATH_HEADER } from "@/lib/auth/page-paths";
import { getViewer } from "@/lib/auth/viewer";
import { listLinkedAccounts } from "@/lib/data/sign-in-methods/list-linked-accounts";

/** `?linked=<provider>` of the page (set by the provider callback after a link), from proxy.ts's header. */
async function linkedParam(): Promise<string | null> {
  const path = (await headers()).get(REQUEST_PATH_HEADER);
  return path ? new URL(path, "http://placeholder.invalid").searchParams.get("linked") : null;
}

export async function LinkedAccountsSection() {
  const linked = await linkedParam();
  const data = await listLinkedAccounts(await getViewer());
  if (data.providers.length === 0 && data.accounts.length === 0) return null;
  const otherMethods = (data.hasPassword ? 1 : 0) + data.passkeyCount;
  const justLinked = linked ? data.accounts.find((a) => a.provider === linked)?.providerName : undefined;
  return (
    <Card className="overflow-hidden" data-testid="linked-accounts">
      <CardHeader
        title="Linked accounts"
        description="Sign in with a company or other account instead of your password. Linking happens only from here, while you are signed in."
      />
      {data.accounts.length === 0 ? (
        <EmptyState
          icon={Link2}
          title="No linked accounts yet"
          description="Link one below; you then sign in with it without your password."
        />
      ) : null}
      <LinkedAccountsList
        accounts={data.accounts.map((a) => ({
          id: a.id,
          provider: a.provider,
          providerName: a.providerName,
          email: a.email,
          createdAt: a.createdAt.toISOString(),
          lastUsedAt: a.lastUsedAt?.toISOString() ?? null,
          usable: a.usable,
        }))}
        providers={data.providers}
        lastMethod={otherMethods === 0 && data.accounts.filter((a) => a.usable).length === 1}
        justLinked={justLinked ?? null}
        now={new Date().toISOString()}
      />
    </Card>
  );
}
