// The templates an email sent through the email API (POST /api/v1/emails, the customer "Send
// email" dialog) may use: a small allow-list, each with the variables it takes. Variables are
// plain text placed into the one email layout (render-email.ts), which escapes every value, so a
// variable can never add markup or links. No "server-only": the dialog lists these too.
import type { EmailContent } from "@/lib/email/render-email";

export type TemplateVariable = { label: string; required: boolean; maxLength: number; multiline?: boolean };

type Template = {
  label: string;
  description: string;
  variables: Record<string, TemplateVariable>;
  render: (vars: Record<string, string>) => EmailContent;
};

const customerName: TemplateVariable = { label: "Customer name", required: true, maxLength: 200 };

/** Blank-line separated text → paragraphs. */
export function paragraphsOf(text: string): string[] {
  return text
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.replace(/\s*\r?\n\s*/g, " ").trim())
    .filter(Boolean);
}

export const API_EMAIL_TEMPLATES = {
  thank_you: {
    label: "Thank you",
    description: "Thanks the customer for their visit.",
    variables: { customerName },
    render: (v) => ({
      subject: "Thank you for your visit",
      heading: `Thank you, ${v.customerName}`,
      paragraphs: [
        "Thank you for shopping with us. We hope you enjoy your purchase.",
        "If anything is not right, reply to this email and we will sort it out.",
      ],
    }),
  },
  receipt_follow_up: {
    label: "Receipt follow-up",
    description: "Follows up on a receipt by its number.",
    variables: {
      customerName,
      receiptNumber: { label: "Receipt number", required: true, maxLength: 32 },
    },
    render: (v) => ({
      subject: `About your receipt ${v.receiptNumber}`,
      heading: `Hello ${v.customerName}`,
      paragraphs: [
        `We are following up on your purchase with receipt number ${v.receiptNumber}.`,
        "If you have questions about it, reply to this email and quote the receipt number.",
      ],
    }),
  },
  general_notice: {
    label: "General notice",
    description: "A message of your own in the standard greeting.",
    variables: {
      customerName,
      message: { label: "Message", required: true, maxLength: 5000, multiline: true },
    },
    render: (v) => ({
      subject: "A message from us",
      heading: `Hello ${v.customerName}`,
      paragraphs: paragraphsOf(v.message ?? ""),
    }),
  },
} as const satisfies Record<string, Template>;

export type ApiEmailTemplateKey = keyof typeof API_EMAIL_TEMPLATES;
export const API_EMAIL_TEMPLATE_KEYS = Object.keys(API_EMAIL_TEMPLATES) as [ApiEmailTemplateKey, ...ApiEmailTemplateKey[]];

/** A template's email, with `subject` (when given) in place of the template's own. */
export function renderApiTemplate(
  key: ApiEmailTemplateKey,
  variables: Record<string, string>,
  subject?: string,
): EmailContent {
  const content = (API_EMAIL_TEMPLATES[key] as Template).render(variables);
  return subject ? { ...content, subject } : content;
}

/** A plain message: the subject as heading, the text's paragraphs. */
export function plainEmail(subject: string, text: string): EmailContent {
  return { subject, heading: subject, paragraphs: paragraphsOf(text) };
}
