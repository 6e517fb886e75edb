import type { Metadata } from "next";
import { KeyRound } from "lucide-react";
import { ApiKeyTable } from "@/components/api-keys/api-key-table";
import { CreateApiKeyDialog } from "@/components/api-keys/create-api-key-dialog";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { requirePageViewer } from "@/lib/auth/require-page-viewer";
import { listApiKeys } from "@/lib/data/api-keys/list-api-keys";
import { needsPasswordConfirmation } from "@/lib/auth/confirm-recent-or-password";
import { ALL_PERMISSIONS } from "@/lib/rbac/permissions";

export const metadata: Metadata = { title: "API keys" };

export default async function ApiKeysPage() {
  const viewer = await requirePageViewer();
  const keys = await listApiKeys(viewer);
  const available = ALL_PERMISSIONS.filter((p) => viewer.permissions.has(p));
  // Always in the header: the dialog must stay mounted when its own action revalidates the page
  // (the first key turns the empty state into the table while the secret is on screen).
  const create = <CreateApiKeyDialog available={available} needsPassword={await needsPasswordConfirmation(viewer)} />;
  return (
    <Card>
      <CardHeader
        title="API keys"
        description={
          <>
            Keys let scripts and integrations call the REST API as you, within the scopes you choose. A key never holds
            more than you do. See the{" "}
            <a className="text-brand underline-offset-4 hover:underline" href="/docs/api">
              API reference
            </a>
            .
          </>
        }
        action={create}
      />
      {keys.length ? (
        <ApiKeyTable keys={keys} now={new Date()} />
      ) : (
        <EmptyState
          icon={KeyRound}
          title="No API keys yet"
          description="Create a key to call the API from a script: send it as Authorization: Bearer odk_live_…"
        />
      )}
    </Card>
  );
}
