// Admin → Service accounts: each account with its roles, active keys and status; the name opens it.
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { RelativeTime } from "@/components/ui/relative-time";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/ui/table";
import type { ServiceAccountSummary } from "@/lib/data/api-keys/list-service-accounts";

export function ServiceAccountsTable({ accounts, now }: { accounts: ServiceAccountSummary[]; now: Date }) {
  return (
    <Table aria-label="Service accounts">
      <THead>
        <Tr>
          <Th scope="col">Name</Th>
          <Th scope="col">Username</Th>
          <Th scope="col">Roles</Th>
          <Th scope="col">Active keys</Th>
          <Th scope="col">Status</Th>
          <Th scope="col">Created</Th>
        </Tr>
      </THead>
      <TBody>
        {accounts.map((account) => (
          <Tr key={account.id}>
            <Td>
              <Link
                href={`/admin/service-accounts/${account.id}`}
                className="font-medium text-brand underline-offset-4 hover:underline"
              >
                {account.name}
              </Link>
            </Td>
            <Td className="text-muted-foreground">{account.username}</Td>
            <Td>
              <div className="flex flex-wrap gap-1">
                {account.roles.map((role) => (
                  <Badge key={role.id}>{role.name}</Badge>
                ))}
              </div>
            </Td>
            <Td className="tabular-nums">{account.activeKeys}</Td>
            <Td>
              <Badge tone={account.status === "active" ? "success" : "neutral"} dot>
                {account.status === "active" ? "Active" : "Disabled"}
              </Badge>
            </Td>
            <Td className="whitespace-nowrap text-muted-foreground">
              <RelativeTime date={account.createdAt} now={now} />
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
