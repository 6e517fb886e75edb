"use client";
// What a products.write holder may do to one product, as a row's "⋯" menu: edit (dialog), adjust
// stock (dialog), archive or restore, and delete after a confirmation (a product that was ever sold
// is archived instead, and the toast says so).
import { Archive, ArchiveRestore, MoreHorizontal, PackagePlus, Pencil, Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog, type ConfirmOutcome } from "@/components/ui/confirm-dialog";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { toast } from "@/components/ui/toast";
import { AdjustStockDialog } from "@/components/products/adjust-stock-dialog";
import { ProductFormDialog } from "@/components/products/product-form-dialog";
import { archiveProductAction } from "@/lib/actions/products/archive-product";
import { deleteProductAction } from "@/lib/actions/products/delete-product";
import { restoreProductAction } from "@/lib/actions/products/restore-product";
import type { ProductJson } from "@/lib/validations/product";

export function ProductActions({ product }: { product: ProductJson }) {
  const router = useRouter();
  const [editing, setEditing] = useState(false);
  const [adjusting, setAdjusting] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [busy, setBusy] = useState(false);

  const toggleArchived = async () => {
    setBusy(true);
    const result = product.archived ? await restoreProductAction(product.id) : await archiveProductAction(product.id);
    setBusy(false);
    if (!result.ok) {
      toast.error(result.error);
      return;
    }
    toast.success(product.archived ? `Restored ${product.name}.` : `Archived ${product.name}.`);
    router.refresh();
  };

  const remove = async (): Promise<ConfirmOutcome> => {
    const result = await deleteProductAction(product.id);
    if (!result.ok) return { ok: false, error: result.error };
    if (result.data.outcome === "archived") {
      toast.success(`${product.name} has been sold, so it was archived instead of deleted.`);
    } else {
      toast.success(`Deleted ${product.name}.`);
    }
    router.refresh();
    return { ok: true };
  };

  return (
    <>
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button variant="ghost" size="sm" className="px-2" aria-label={`Actions for ${product.name}`} disabled={busy}>
            <MoreHorizontal className="size-4" aria-hidden="true" />
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end">
          <DropdownMenuItem onSelect={() => setEditing(true)}>
            <Pencil className="size-4" aria-hidden="true" />
            Edit
          </DropdownMenuItem>
          <DropdownMenuItem onSelect={() => setAdjusting(true)}>
            <PackagePlus className="size-4" aria-hidden="true" />
            Adjust stock
          </DropdownMenuItem>
          <DropdownMenuItem onSelect={() => void toggleArchived()}>
            {product.archived ? (
              <ArchiveRestore className="size-4" aria-hidden="true" />
            ) : (
              <Archive className="size-4" aria-hidden="true" />
            )}
            {product.archived ? "Restore" : "Archive"}
          </DropdownMenuItem>
          <DropdownMenuSeparator />
          <DropdownMenuItem tone="danger" onSelect={() => setDeleting(true)}>
            <Trash2 className="size-4" aria-hidden="true" />
            Delete…
          </DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
      <ProductFormDialog open={editing} onOpenChange={setEditing} product={product} />
      <AdjustStockDialog open={adjusting} onOpenChange={setAdjusting} product={product} />
      <ConfirmDialog
        open={deleting}
        onOpenChange={setDeleting}
        title={`Delete ${product.name}?`}
        description="This cannot be undone. A product that appears on any sale is archived instead, so its sales keep their lines."
        confirmLabel="Delete product"
        variant="danger"
        onConfirm={remove}
      />
    </>
  );
}
