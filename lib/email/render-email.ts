// The one email layout: a heading, paragraphs, an optional button, in the product's colours.
// Produces matching HTML and plain-text bodies. All values are escaped.
import { config } from "@/lib/config";

export type EmailContent = {
  subject: string;
  heading: string;
  paragraphs: string[];
  action?: { label: string; url: string };
  /** Small print under the button, e.g. "This link expires in 24 hours." */
  note?: string;
};

const escape = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

export function renderEmail(content: EmailContent): { subject: string; html: string; text: string } {
  const name = config.productName;
  const accent = config.accentColor;
  const paragraphs = content.paragraphs
    .map((p) => `<p style="margin:0 0 16px;font-size:15px;line-height:24px;color:#334155">${escape(p)}</p>`)
    .join("");
  const button = content.action
    ? `<p style="margin:24px 0"><a href="${escape(content.action.url)}" style="display:inline-block;background:${accent};color:#ffffff;text-decoration:none;font-weight:600;font-size:15px;padding:12px 20px;border-radius:8px">${escape(content.action.label)}</a></p>
<p style="margin:0 0 16px;font-size:13px;line-height:20px;color:#64748b">Or paste this address into your browser:<br><span style="word-break:break-all">${escape(content.action.url)}</span></p>`
    : "";
  const note = content.note
    ? `<p style="margin:0 0 16px;font-size:13px;color:#64748b">${escape(content.note)}</p>`
    : "";
  const html = `<!doctype html><html><body style="margin:0;background:#f1f5f9;font-family:-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif">
<table role="presentation" width="100%" cellpadding="0" cellspacing="0"><tr><td align="center" style="padding:32px 16px">
<table role="presentation" width="100%" style="max-width:560px;background:#ffffff;border-radius:12px;padding:32px" cellpadding="0" cellspacing="0"><tr><td>
<p style="margin:0 0 24px;font-weight:700;font-size:16px;color:${accent}">${escape(name)}</p>
<h1 style="margin:0 0 16px;font-size:22px;line-height:30px;color:#0f172a">${escape(content.heading)}</h1>
${paragraphs}${button}${note}
<hr style="border:none;border-top:1px solid #e2e8f0;margin:24px 0">
<p style="margin:0;font-size:12px;color:#94a3b8">Sent by ${escape(name)}. Questions? ${escape(config.supportEmail)}</p>
</td></tr></table></td></tr></table></body></html>`;
  const text = [
    content.heading,
    "",
    ...content.paragraphs.flatMap((p) => [p, ""]),
    ...(content.action ? [`${content.action.label}: ${content.action.url}`, ""] : []),
    ...(content.note ? [content.note, ""] : []),
    `-- ${name} · ${config.supportEmail}`,
  ].join("\n");
  return { subject: content.subject, html, text };
}
