// What a staff applicant is told about their application: approved (with the Staff role) or
// rejected (with the reviewer's reason; the account stays as an ordinary one).
import { config } from "@/lib/config";
import type { EmailContent } from "@/lib/email/render-email";

export function staffApprovedEmail(firstName: string, url: string): EmailContent {
  return {
    subject: `Your staff account on ${config.productName} is approved`,
    heading: "You are now staff",
    paragraphs: [
      `Hi ${firstName},`,
      `Your application for a staff account on ${config.productName} was approved. Your account now has the Staff role: customers, transactions, the board and the records you work with are open to you from your next page.`,
    ],
    action: { label: `Open ${config.productName}`, url },
  };
}

export function staffRejectedEmail(firstName: string, reason: string, url: string): EmailContent {
  return {
    subject: `Your staff application on ${config.productName}`,
    heading: "Your staff application was not approved",
    paragraphs: [
      `Hi ${firstName},`,
      `Your application for a staff account on ${config.productName} was reviewed and not approved. The reviewer gave this reason:`,
      `“${reason}”`,
      "Your account stays open as an ordinary account: you can sign in and use everything it allows.",
    ],
    action: { label: "Sign in", url },
    note: `Questions about this decision? Write to ${config.supportEmail}.`,
  };
}
