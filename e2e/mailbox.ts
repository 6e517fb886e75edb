// The e2e run's mailboxes: the e2e server (scripts/e2e-server.ts) sends every email through Resend's
// API to a fake Resend on 127.0.0.1 (test/fake-resend.ts) that records it, so a spec reads the link
// a person would find in their inbox without going through the app's developer outbox.
import { E2E_PORT } from "./env";

export const E2E_MAIL_PORT = Number(process.env.E2E_MAIL_PORT ?? Number(E2E_PORT) + 20_000);
export const E2E_MAIL_URL = `http://127.0.0.1:${E2E_MAIL_PORT}`;

type Message = { to: string[]; subject: string; text: string; receivedAt: string };

/** Messages delivered to `email`, newest first. */
export async function mailTo(email: string): Promise<Message[]> {
  const response = await fetch(`${E2E_MAIL_URL}/emails?to=${encodeURIComponent(email)}`);
  if (!response.ok) throw new Error(`fake Resend answered ${response.status}`);
  return ((await response.json()) as { data: Message[] }).data;
}

/** The newest link to `path` in mail delivered to `email`, waiting up to `timeoutMs` for it to arrive. */
export async function newestLinkTo(email: string, path: string, timeoutMs = 15_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    for (const message of await mailTo(email)) {
      const link = message.text.match(/https?:\/\/\S+/g)?.find((url) => url.includes(path));
      if (link) return link;
    }
    if (Date.now() > deadline) throw new Error(`no email to ${email} with a link to ${path}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
