// The notice a person receives after an administrator acted as them (lib/data/impersonation):
// who, when, for how long, the reason they gave, and how it ended. Sent once per impersonation,
// whether it was stopped, ran out of time or ended with the session.
import { config } from "@/lib/config";
import type { EmailContent } from "@/lib/email/render-email";
import { formatDateTime } from "@/lib/format";

export type ImpersonationEnding = "stopped" | "expired" | "ended";

const ENDINGS: Record<ImpersonationEnding, string> = {
  stopped: "They stopped it themselves.",
  expired: "It ended when its 30-minute limit was reached.",
  ended: "It ended early, when the session was signed out or revoked.",
};

export function impersonationNoticeEmail(details: {
  firstName: string;
  adminName: string;
  adminUsername: string;
  startedAt: Date;
  endedAt: Date;
  reason: string;
  ending: ImpersonationEnding;
}): EmailContent {
  const minutes = Math.max(1, Math.round((details.endedAt.getTime() - details.startedAt.getTime()) / 60_000));
  return {
    subject: `An administrator acted as you on ${config.productName}`,
    heading: "An administrator used your account",
    paragraphs: [
      `Hi ${details.firstName},`,
      `${details.adminName} (@${details.adminUsername}), an administrator, acted as you on ${config.productName} from ${formatDateTime(details.startedAt)} to ${formatDateTime(details.endedAt)} (about ${minutes} minute${minutes === 1 ? "" : "s"}). ${ENDINGS[details.ending]}`,
      `The reason they gave: “${details.reason}”`,
      "While acting as you they saw what you see and could act within your permissions. They could not change your password, two-factor settings, email address or roles, and your own sessions were not touched. Everything done meanwhile is recorded in the activity log under both your name and theirs.",
    ],
    note: `If you did not expect this, contact ${config.supportEmail}.`,
  };
}
