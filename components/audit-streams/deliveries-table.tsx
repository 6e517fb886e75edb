// A stream's recent delivery attempts, newest first: which event, which attempt, the endpoint's
// answer and how long it took. Test events are marked as such.
import { Badge } from "@/components/ui/badge";
import { Table, TBody, Td, Th, THead, Tr } from "@/components/ui/table";
import { RelativeTime } from "@/components/ui/relative-time";
import type { AuditStreamDeliveryJson } from "@/lib/validations/audit-stream";

const RESULT = {
  delivered: { tone: "success", label: "Delivered" },
  failed: { tone: "danger", label: "Failed" },
  test: { tone: "info", label: "Test" },
  handover: { tone: "info", label: "Handover" },
} as const;

/** Tests and handovers are one-off requests: their failure is shown, the stream is not held back by it. */
const ONE_OFF = new Set(["test", "handover"]);

export function DeliveriesTable({ deliveries, now }: { deliveries: AuditStreamDeliveryJson[]; now: Date }) {
  return (
    <Table aria-label="Recent deliveries">
      <THead>
        <Tr>
          <Th scope="col">When</Th>
          <Th scope="col">Event</Th>
          <Th scope="col">Attempt</Th>
          <Th scope="col">Result</Th>
          <Th scope="col">Answer</Th>
          <Th scope="col" className="text-right">
            Time
          </Th>
        </Tr>
      </THead>
      <TBody>
        {deliveries.map((d) => {
          const look = RESULT[d.result] ?? RESULT.failed;
          const ok = d.statusCode !== null && d.statusCode >= 200 && d.statusCode < 300;
          return (
            <Tr key={d.id} data-testid="delivery-row">
              <Td className="whitespace-nowrap">
                <RelativeTime date={new Date(d.createdAt)} now={now} />
              </Td>
              <Td className="whitespace-nowrap font-mono text-xs">
                {d.result === "test" ? "test event" : `#${d.eventSeq}`}
                <span className="ml-2 text-muted-foreground" title={d.eventId}>
                  {d.eventId.slice(0, 10)}…
                </span>
              </Td>
              <Td>{d.attempt}</Td>
              <Td>
                <Badge tone={ONE_OFF.has(d.result) && !ok ? "danger" : look.tone}>
                  {ONE_OFF.has(d.result) && !ok ? `${look.label} failed` : look.label}
                </Badge>
              </Td>
              <Td className="min-w-48 max-w-md text-sm">
                {d.statusCode !== null ? <span className="font-mono">HTTP {d.statusCode}</span> : null}
                {d.error ? (
                  <span className="block break-words text-muted-foreground">{d.error.replace(/^HTTP \d+: ?/, "")}</span>
                ) : null}
              </Td>
              <Td className="whitespace-nowrap text-right tabular-nums">{d.durationMs} ms</Td>
            </Tr>
          );
        })}
      </TBody>
    </Table>
  );
}
