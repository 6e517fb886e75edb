import Link from "next/link";
import { config } from "@/lib/config";

export function Brand({ href = "/", compact = false }: { href?: string; compact?: boolean }) {
  return (
    <Link href={href} className="inline-flex items-center gap-2.5 rounded-md font-semibold text-foreground">
      {/* eslint-disable-next-line @next/next/no-img-element -- a tiny static SVG, no optimisation needed */}
      <img src={config.logoPath} alt="" width={28} height={28} className="size-7" />
      {compact ? null : <span className="text-base tracking-tight">{config.productName}</span>}
    </Link>
  );
}
