import type { Metadata } from "next";
import { Bot } from "lucide-react";
import { CreateServiceAccountDialog } from "@/components/api-keys/create-service-account-dialog";
import { ServiceAccountsTable } from "@/components/api-keys/service-accounts-table";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/require-page-viewer";
import { listGrantableRoles } from "@/lib/data/api-keys/list-grantable-roles";
import { listServiceAccounts } from "@/lib/data/api-keys/list-service-accounts";

export const metadata: Metadata = { title: "Service accounts" };

export default async function ServiceAccountsPage() {
  const viewer = await requirePagePermission("users.manage");
  const [accounts, roles] = await Promise.all([listServiceAccounts(viewer), listGrantableRoles(viewer)]);
  const create = <CreateServiceAccountDialog roles={roles} />;
  return (
    <>
      <PageHeader
        title="Service accounts"
        description="Accounts for integrations: they hold roles and API keys, and can never sign in."
        actions={create}
      />
      <Card>
        {accounts.length ? (
          <ServiceAccountsTable accounts={accounts} now={new Date()} />
        ) : (
          <EmptyState
            icon={Bot}
            title="No service accounts yet"
            description="Make one for each integration, give it the roles it needs, then create its API keys."
          />
        )}
      </Card>
    </>
  );
}
