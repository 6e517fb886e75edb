// Who acted, as one line: the name kept with the event and what kind of actor it was (a person,
// an API key, an administrator impersonating the person, a visitor, the application).
import { Badge } from "@/components/ui/badge";
import type { AuditEventJson } from "@/lib/validations/audit-event";

const TYPE_LABEL: Record<AuditEventJson["actor"]["type"], string | null> = {
  user: null,
  api_key: "API key",
  impersonator: "Impersonated",
  anonymous: "Visitor",
  system: "System",
};

export function AuditActorName({ actor }: { actor: AuditEventJson["actor"] }) {
  const type = TYPE_LABEL[actor.type];
  const name = actor.name ?? (actor.type === "anonymous" ? "Not signed in" : actor.type === "system" ? "Opsdeck" : "Unknown");
  return (
    <span className="inline-flex items-center gap-2">
      <span className="text-foreground">{name}</span>
      {type ? <Badge tone={actor.type === "impersonator" ? "warning" : "neutral"}>{type}</Badge> : null}
    </span>
  );
}
