"use client";
// "Export" on /logs/events: the table's current filter (never its page) as CSV or JSON Lines,
// downloaded from GET /api/v1/audit-events/export with the browser session. Every export is
// recorded in the log itself.
import { Download } from "lucide-react";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";

export function AuditExportMenu({ filterQuery }: { filterQuery: string }) {
  const href = (format: "csv" | "jsonl") =>
    `/api/v1/audit-events/export?${new URLSearchParams([["format", format], ...new URLSearchParams(filterQuery)])}`;
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="secondary">
          <Download className="size-4" aria-hidden="true" />
          Export
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end">
        <DropdownMenuLabel>Export the filtered events</DropdownMenuLabel>
        <DropdownMenuSeparator />
        <DropdownMenuItem asChild>
          <a href={href("csv")} download>
            CSV (spreadsheets)
          </a>
        </DropdownMenuItem>
        <DropdownMenuItem asChild>
          <a href={href("jsonl")} download>
            JSON Lines (SIEM, scripts)
          </a>
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
