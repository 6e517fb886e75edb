"use client";
// Disable (its keys stop at once) or enable a service account, after a confirmation.
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { toast } from "@/components/ui/toast";
import { setServiceAccountStatusAction } from "@/lib/actions/api-keys/set-service-account-status";

export function ServiceAccountStatusButton({
  id,
  name,
  status,
}: {
  id: string;
  name: string;
  status: "active" | "disabled";
}) {
  const router = useRouter();
  const disabling = status === "active";
  return (
    <ConfirmDialog
      trigger={<Button variant={disabling ? "danger" : "secondary"}>{disabling ? "Disable" : "Enable"}</Button>}
      title={disabling ? `Disable ${name}?` : `Enable ${name}?`}
      description={
        disabling
          ? "Every key of this account stops working at once. You can enable it again later."
          : "Its keys that are not revoked or expired work again."
      }
      variant={disabling ? "danger" : "default"}
      confirmLabel={disabling ? "Disable account" : "Enable account"}
      onConfirm={async () => {
        const result = await setServiceAccountStatusAction(id, disabling ? "disabled" : "active");
        if (!result.ok) return result;
        toast.success(disabling ? `${name} is disabled.` : `${name} is enabled.`);
        router.refresh();
      }}
    />
  );
}
