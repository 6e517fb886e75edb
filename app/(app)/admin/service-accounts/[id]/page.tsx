import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { KeyRound } from "lucide-react";
import { ApiKeyTable } from "@/components/api-keys/api-key-table";
import { CreateApiKeyDialog } from "@/components/api-keys/create-api-key-dialog";
import { ServiceAccountStatusButton } from "@/components/api-keys/service-account-status-button";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/require-page-viewer";
import { getServiceAccount } from "@/lib/data/api-keys/get-service-account";
import { needsPasswordConfirmation } from "@/lib/auth/confirm-recent-or-password";
import { NotFoundError } from "@/lib/errors";

export const metadata: Metadata = { title: "Service account" };

export default async function ServiceAccountPage({ params }: { params: Promise<{ id: string }> }) {
  const viewer = await requirePagePermission("users.manage");
  const { id } = await params;
  const account = await getServiceAccount(viewer, id).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const create =
    account.status === "active" ? (
      <CreateApiKeyDialog
        available={account.grantableScopes}
        serviceAccountId={account.id}
        triggerLabel="Create key"
        needsPassword={await needsPasswordConfirmation(viewer)}
      />
    ) : null;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/admin/service-accounts" className="text-muted-foreground hover:text-foreground">
          ← Service accounts
        </Link>
      </p>
      <PageHeader
        title={account.name}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <span>{account.username}</span>
            <Badge tone={account.status === "active" ? "success" : "neutral"} dot>
              {account.status === "active" ? "Active" : "Disabled"}
            </Badge>
            {account.roles.map((role) => (
              <Badge key={role.id}>{role.name}</Badge>
            ))}
          </span>
        }
        actions={<ServiceAccountStatusButton id={account.id} name={account.name} status={account.status} />}
      />
      <Card>
        <CardHeader
          title="API keys"
          description="Each key holds only scopes that both this account's roles and you hold."
          action={create}
        />
        {account.keys.length ? (
          <ApiKeyTable keys={account.keys} now={new Date()} />
        ) : (
          <EmptyState
            icon={KeyRound}
            title="No keys yet"
            description={
              account.status === "active"
                ? "Create a key for the integration to use."
                : "Enable the account to create keys."
            }
          />
        )}
      </Card>
    </>
  );
}
