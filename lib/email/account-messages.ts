// Notices sent to the owner of an address that someone else tried to use. The person who tried gets
// the same answer as if the address were free, so these notices are the only place the attempt
// shows: they carry no account details and no link that acts on the account.
import { config } from "@/lib/config";
import type { EmailContent } from "@/lib/email/render-email";

export function signUpAttemptEmail(firstName: string, urls: { signIn: string; resetPassword: string }): EmailContent {
  return {
    subject: `Someone tried to create an account with your address on ${config.productName}`,
    heading: "Someone tried to create an account with your address",
    paragraphs: [
      `Hi ${firstName},`,
      `Someone tried to create a new ${config.productName} account with this email address. It already belongs to your account, so no new account was made and yours is unchanged.`,
      `If it was you, you already have an account: sign in below. Forgot your password? Choose a new one at ${urls.resetPassword}`,
    ],
    action: { label: "Sign in", url: urls.signIn },
    note: "If it was not you, you can ignore this email: nobody can use this address without the links we send to it.",
  };
}

export function emailChangeAttemptEmail(firstName: string): EmailContent {
  return {
    subject: `Someone tried to move another ${config.productName} account to your address`,
    heading: "Someone tried to change their account's address to yours",
    paragraphs: [
      `Hi ${firstName},`,
      `Someone signed in to another ${config.productName} account asked to change that account's email address to this one. This address already belongs to your account, so nothing changed and no link was sent.`,
    ],
    note: `You do not need to do anything. If this keeps happening, tell ${config.supportEmail}.`,
  };
}
