// Retention anchors, newest first: when a pruning ran, which events it removed, how many, and whether
// the anchor still carries the server's signature (a forged one makes verification fail).
import { Badge } from "@/components/ui/badge";
import { RelativeTime } from "@/components/ui/relative-time";
import { Table, TBody, THead, Td, Th, Tr } from "@/components/ui/table";
import type { AnchorRow } from "@/lib/audit/get-audit-integrity";
import { formatDateTime } from "@/lib/format";

const n = new Intl.NumberFormat("en");

export function AnchorsTable({ anchors, now }: { anchors: AnchorRow[]; now: Date }) {
  return (
    <Table aria-label="Retention anchors">
      <THead>
        <Tr>
          <Th scope="col">Pruned</Th>
          <Th scope="col">Events removed</Th>
          <Th scope="col" className="text-right">
            Count
          </Th>
          <Th scope="col">Older than</Th>
          <Th scope="col">Signature</Th>
        </Tr>
      </THead>
      <TBody>
        {anchors.map((a) => (
          <Tr key={a.id}>
            <Td className="whitespace-nowrap">
              <RelativeTime date={a.createdAt} now={now} />
            </Td>
            <Td className="whitespace-nowrap tabular-nums">
              {a.fromSeq === a.throughSeq
                ? `seq ${n.format(a.throughSeq)}`
                : `seq ${n.format(a.fromSeq)}–${n.format(a.throughSeq)}`}
            </Td>
            <Td className="text-right tabular-nums">{n.format(a.prunedCount)}</Td>
            <Td className="whitespace-nowrap text-muted-foreground">{formatDateTime(a.cutoff)}</Td>
            <Td>
              {a.genuine ? (
                <Badge tone="success" dot>
                  Genuine
                </Badge>
              ) : (
                <Badge tone="danger" dot>
                  Forged
                </Badge>
              )}
            </Td>
          </Tr>
        ))}
      </TBody>
    </Table>
  );
}
