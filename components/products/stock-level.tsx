// A product's stock with its state: "Out of stock" at 0, "Low" at or below the product's threshold.
import { Badge } from "@/components/ui/badge";
import type { ProductJson } from "@/lib/validations/product";

export function StockLevel({ product }: { product: Pick<ProductJson, "stock" | "lowStockThreshold" | "lowStock"> }) {
  return (
    <span className="inline-flex items-center gap-2 whitespace-nowrap">
      <span className="tabular-nums font-medium text-foreground">{product.stock.toLocaleString("en")}</span>
      {product.stock === 0 ? (
        <Badge tone="danger" data-testid="stock-badge">
          Out of stock
        </Badge>
      ) : product.lowStock ? (
        <Badge tone="warning" data-testid="stock-badge" title={`At or below ${product.lowStockThreshold}`}>
          Low
        </Badge>
      ) : null}
    </span>
  );
}
