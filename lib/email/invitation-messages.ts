// Invitation mail: the link that lets the invitee create their account with the role they were
// invited with. Sent when the invitation is made and each time it is resent (a new link; the
// earlier one stops working).
import { config } from "@/lib/config";
import type { EmailContent } from "@/lib/email/render-email";
import { INVITATION_TTL_DAYS } from "@/lib/validations/invitation";

export function invitationEmail(invite: {
  inviterName: string;
  roleName: string;
  url: string;
  resent: boolean;
}): EmailContent {
  return {
    subject: `${invite.inviterName} invited you to ${config.productName}`,
    heading: `You are invited to ${config.productName}`,
    paragraphs: [
      "Hello,",
      `${invite.inviterName} invited you to join ${config.productName} with the ${invite.roleName} role. Accept to choose your username and password; your account uses this email address.`,
      ...(invite.resent ? ["This is a new link: any earlier invitation link we sent you no longer works."] : []),
    ],
    action: { label: "Accept the invitation", url: invite.url },
    note: `The link works once and expires in ${INVITATION_TTL_DAYS} days. If you were not expecting this, ignore this email; no account is made unless you accept.`,
  };
}
