"use client";
import { useState } from "react";
import { Plus } from "lucide-react";
import { StreamFormDialog } from "@/components/audit-streams/stream-form-dialog";
import { Button } from "@/components/ui/button";

export function AddStreamButton({ disabled, label = "Add stream" }: { disabled?: boolean; label?: string }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button onClick={() => setOpen(true)} disabled={disabled}>
        <Plus className="size-4" aria-hidden="true" />
        {label}
      </Button>
      <StreamFormDialog open={open} onOpenChange={setOpen} stream={null} />
    </>
  );
}
