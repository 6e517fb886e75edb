// The wording of every email the application sends.
import { config } from "@/lib/config";
import type { EmailContent } from "@/lib/email/render-email";

export function verificationEmail(firstName: string, url: string): EmailContent {
  return {
    subject: `Confirm your email for ${config.productName}`,
    heading: "Confirm your email address",
    paragraphs: [
      `Hi ${firstName},`,
      `Confirm that this address belongs to you to finish setting up your ${config.productName} account.`,
    ],
    action: { label: "Confirm email address", url },
    note: "This link works once and expires in 24 hours. If you did not sign up, ignore this email.",
  };
}

export function lockoutEmail(firstName: string, minutes: number, ip: string | null): EmailContent {
  return {
    subject: `Sign-ins to your ${config.productName} account are paused`,
    heading: "Too many failed sign-in attempts",
    paragraphs: [
      `Hi ${firstName},`,
      `Someone entered a wrong password for your account ${5} times in a row${ip ? ` (last from ${ip})` : ""}. To protect it, sign-ins are paused for ${minutes} minute${minutes === 1 ? "" : "s"}, and longer if the failures go on.`,
      "If this was you, wait and try again, or reset your password. If it was not, your password still held; consider changing it and turning on two-factor authentication.",
    ],
  };
}
