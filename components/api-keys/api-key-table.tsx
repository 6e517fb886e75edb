"use client";
// The keys of one owner (the viewer's own, or a service account's): name, visible prefix, scopes,
// created, expiry, last use and from where, status, and a revoke button behind a confirmation.
import { useRouter } from "next/navigation";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { RelativeTime } from "@/components/ui/relative-time";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/ui/table";
import { toast } from "@/components/ui/toast";
import { revokeApiKeyAction } from "@/lib/actions/api-keys/revoke-api-key";
import type { ApiKeySummary } from "@/lib/data/api-keys/api-key-row";
import { formatDateTime } from "@/lib/format";
import type { ApiKeyStatus } from "@/lib/validations/api-key";

const STATUS: Record<ApiKeyStatus, { label: string; tone: BadgeTone }> = {
  active: { label: "Active", tone: "success" },
  expired: { label: "Expired", tone: "warning" },
  revoked: { label: "Revoked", tone: "neutral" },
};

const SHOWN_SCOPES = 3;

export function ApiKeyTable({ keys, now }: { keys: ApiKeySummary[]; now: Date }) {
  const router = useRouter();
  return (
    <Table aria-label="API keys">
      <THead>
        <Tr>
          <Th scope="col">Name</Th>
          <Th scope="col">Key</Th>
          <Th scope="col">Scopes</Th>
          <Th scope="col">Created</Th>
          <Th scope="col">Expires</Th>
          <Th scope="col">Last used</Th>
          <Th scope="col">Status</Th>
          <Th scope="col">
            <span className="sr-only">Actions</span>
          </Th>
        </Tr>
      </THead>
      <TBody>
        {keys.map((key) => {
          const status = STATUS[key.status];
          return (
            <Tr key={key.id} data-testid={`api-key-${key.id}`}>
              <Td className="font-medium text-foreground">{key.name}</Td>
              <Td>
                <code className="whitespace-nowrap rounded bg-muted px-1.5 py-0.5 text-xs">{key.prefix}…</code>
              </Td>
              <Td>
                <div className="flex max-w-xs flex-wrap gap-1" title={key.scopes.join(", ")}>
                  {key.scopes.slice(0, SHOWN_SCOPES).map((scope) => (
                    <Badge key={scope} tone="brand">
                      {scope}
                    </Badge>
                  ))}
                  {key.scopes.length > SHOWN_SCOPES ? (
                    <Badge tone="neutral">+{key.scopes.length - SHOWN_SCOPES} more</Badge>
                  ) : null}
                </div>
              </Td>
              <Td className="whitespace-nowrap text-muted-foreground">
                <RelativeTime date={key.createdAt} now={now} />
              </Td>
              <Td className="whitespace-nowrap text-muted-foreground">
                {key.expiresAt ? (
                  <span title={formatDateTime(key.expiresAt)}>{formatDateTime(key.expiresAt)}</span>
                ) : (
                  "Never"
                )}
              </Td>
              <Td className="whitespace-nowrap text-muted-foreground">
                {key.lastUsedAt ? (
                  <>
                    <RelativeTime date={key.lastUsedAt} now={now} />
                    {key.lastUsedIp ? <span className="block text-xs">from {key.lastUsedIp}</span> : null}
                  </>
                ) : (
                  "Never"
                )}
              </Td>
              <Td>
                <Badge tone={status.tone} dot>
                  {status.label}
                </Badge>
              </Td>
              <Td className="text-right">
                {key.status === "revoked" ? null : (
                  <ConfirmDialog
                    trigger={
                      <Button variant="secondary" size="sm" aria-label={`Revoke ${key.name}`}>
                        Revoke
                      </Button>
                    }
                    title={`Revoke “${key.name}”?`}
                    description={`Requests with ${key.prefix}… stop working at once. This cannot be undone.`}
                    variant="danger"
                    confirmLabel="Revoke key"
                    onConfirm={async () => {
                      const result = await revokeApiKeyAction(key.id);
                      if (!result.ok) return result;
                      toast.success(`Revoked ${key.name}.`);
                      router.refresh();
                    }}
                  />
                )}
              </Td>
            </Tr>
          );
        })}
      </TBody>
    </Table>
  );
}
