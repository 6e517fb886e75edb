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
    subject: `Some sign-ins to your ${config.productName} account are paused`,
    heading: "Too many failed sign-in attempts",
    paragraphs: [
      `Hi ${firstName},`,
      `Someone entered a wrong password for your account several times in a row${ip ? ` (last from ${ip})` : ""}. To protect it, sign-ins from that device or network are paused for ${minutes} minute${minutes === 1 ? "" : "s"}, and longer if the failures go on. Browsers where you signed in before are not affected.`,
      "If this was you, wait and try again, or reset your password. If it was not, your password still held; consider changing it and turning on two-factor authentication.",
    ],
  };
}

export function secondFactorLockoutEmail(firstName: string, ip: string | null): EmailContent {
  return {
    subject: `Two-factor codes for your ${config.productName} account are paused`,
    heading: "Too many wrong two-factor codes",
    paragraphs: [
      `Hi ${firstName},`,
      `Someone who knows your password entered 10 wrong two-factor codes${ip ? ` (last from ${ip})` : ""}. Code entry is paused for 15 minutes.`,
      "If this was not you, your password is known to someone else: change it now.",
    ],
  };
}

export function securityNoticeEmail(firstName: string, what: string, detail: string): EmailContent {
  return {
    subject: `Security notice: ${what}`,
    heading: what,
    paragraphs: [
      `Hi ${firstName},`,
      detail,
      `If you did not do this, reset your password at once and contact ${config.supportEmail}.`,
    ],
  };
}

export function passwordResetEmail(firstName: string, url: string): EmailContent {
  return {
    subject: `Reset your ${config.productName} password`,
    heading: "Reset your password",
    paragraphs: [
      `Hi ${firstName},`,
      "Someone asked to reset the password of your account. If it was you, choose a new one:",
    ],
    action: { label: "Choose a new password", url },
    note: "This link works once and expires in 30 minutes. If you did not ask, ignore this email: your password stays as it is.",
  };
}

export function emailChangeEmail(firstName: string, newEmail: string, url: string): EmailContent {
  return {
    subject: `Confirm your new email for ${config.productName}`,
    heading: "Confirm your new email address",
    paragraphs: [`Hi ${firstName},`, `Confirm that ${newEmail} should become the address of your account.`],
    action: { label: "Confirm new address", url },
    note: "This link works once and expires in 24 hours.",
  };
}
