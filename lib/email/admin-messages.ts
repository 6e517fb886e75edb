// Messages to a user about what an administrator did to their account. Each says what happened
// and what the person can do next; none carries the administrator's identity (the audit log has it).
import { config } from "@/lib/config";
import { passwordResetEmail } from "@/lib/email/messages";
import type { EmailContent } from "@/lib/email/render-email";

export function accountBannedEmail(firstName: string, reason: string): EmailContent {
  return {
    subject: `Your ${config.productName} account was suspended`,
    heading: "Your account was suspended",
    paragraphs: [
      `Hi ${firstName},`,
      `An administrator suspended your ${config.productName} account. You were signed out everywhere and cannot sign in while the suspension lasts.`,
      `Reason given: ${reason}`,
    ],
    note: `If you think this is a mistake, reply to ${config.supportEmail}.`,
  };
}

export function accountUnbannedEmail(firstName: string, signInUrl: string): EmailContent {
  return {
    subject: `Your ${config.productName} account is active again`,
    heading: "Your account is active again",
    paragraphs: [
      `Hi ${firstName},`,
      `An administrator lifted the suspension of your ${config.productName} account. You can sign in again with your usual password.`,
    ],
    action: { label: "Sign in", url: signInUrl },
  };
}

/** The standard reset link (same action, note and lifetime), introduced as an administrator's request. */
export function adminPasswordResetEmail(
  firstName: string,
  url: string,
  signedOut: boolean,
  passkeysRemoved = 0,
): EmailContent {
  const standard = passwordResetEmail(firstName, url);
  return {
    ...standard,
    subject: `Choose a new ${config.productName} password`,
    heading: "Choose a new password",
    paragraphs: [
      `Hi ${firstName},`,
      signedOut
        ? `An administrator asked you to choose a new password and signed you out everywhere${passkeysRemoved ? `, and removed your ${passkeysRemoved === 1 ? "passkey" : `${passkeysRemoved} passkeys`} (add them again in Settings → Sign-in methods)` : ""}. Choose a new one to sign in again:`
        : "An administrator asked you to choose a new password. Your current password works until you set a new one:",
    ],
    note: `This link works once and expires in 30 minutes. If it expires, use "Forgot password" on the sign-in page. Questions? ${config.supportEmail}`,
  };
}
