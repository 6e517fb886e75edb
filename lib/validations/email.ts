// The email API's request (POST /api/v1/emails) and the customer "Send email" dialog. A message
// goes to an address OR a customer (by id), and is either plain (subject + text) or one of the
// allow-listed templates (lib/email/api-templates.ts) with its variables. Header-breaking
// characters are refused in the subject; variables are checked against the template's list.
import { z } from "zod";
import { API_EMAIL_TEMPLATE_KEYS, API_EMAIL_TEMPLATES, type TemplateVariable } from "@/lib/email/api-templates";

export const EMAIL_SUBJECT_MAX = 200;
export const EMAIL_TEXT_MAX = 10_000;

const noControl = (v: string) => !/[\u0000-\u001f\u007f]/.test(v);

export const emailSubjectSchema = z
  .string({ error: "The subject is text." })
  .trim()
  .min(1, "Give a subject.")
  .max(EMAIL_SUBJECT_MAX, `Keep the subject under ${EMAIL_SUBJECT_MAX} characters.`)
  .refine(noControl, "The subject is one line of printable characters.");

export const emailTextSchema = z
  .string({ error: "The message is text." })
  .trim()
  .min(1, "Write a message.")
  .max(EMAIL_TEXT_MAX, `Keep the message under ${EMAIL_TEXT_MAX.toLocaleString("en")} characters.`)
  .refine((v) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(v), "Use printable characters only.");

export const emailTemplateSchema = z.enum(API_EMAIL_TEMPLATE_KEYS, {
  error: `template is one of: ${API_EMAIL_TEMPLATE_KEYS.join(", ")}.`,
});

const variablesSchema = z
  .record(
    z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,31}$/, "Variable names are letters, digits and _."),
    z.string({ error: "Variable values are text." }).max(5000, "Keep each variable under 5,000 characters."),
  )
  .refine((v) => Object.keys(v).length <= 10, "At most 10 variables.");

/** Checks the variables against the template: none unknown, every required one given, none too long. */
function checkVariables(
  template: keyof typeof API_EMAIL_TEMPLATES,
  variables: Record<string, string>,
  ctx: z.RefinementCtx,
  optional: readonly string[] = [],
) {
  const spec: Record<string, TemplateVariable> = API_EMAIL_TEMPLATES[template].variables;
  for (const name of Object.keys(variables)) {
    if (!(name in spec)) {
      ctx.addIssue({
        code: "custom",
        path: ["variables"],
        message: `The ${template} template has no variable “${name}” (it takes ${Object.keys(spec).join(", ")}).`,
      });
    }
  }
  for (const [name, v] of Object.entries(spec)) {
    const value = variables[name]?.trim() ?? "";
    if (v.required && !value && !optional.includes(name)) {
      ctx.addIssue({ code: "custom", path: ["variables"], message: `Give ${v.label.toLowerCase()} (${name}).` });
    } else if (value.length > v.maxLength) {
      ctx.addIssue({
        code: "custom",
        path: ["variables"],
        message: `Keep ${v.label.toLowerCase()} under ${v.maxLength} characters.`,
      });
    } else if (!v.multiline && !noControl(value)) {
      ctx.addIssue({ code: "custom", path: ["variables"], message: `${v.label} is one line of printable text.` });
    }
  }
}

export const sendApiEmailSchema = z
  .strictObject(
    {
      to: z
        .email({ error: "Give a valid email address." })
        .max(254, "The address is too long.")
        .transform((v) => v.toLowerCase())
        .optional()
        .meta({ description: "The recipient's address (or give customerId).", example: "ada@example.com" }),
      customerId: z
        .string({ error: "customerId is a customer's id." })
        .min(1)
        .max(64)
        .optional()
        .meta({ description: "Send to this customer's address (not archived, with an email)." }),
      subject: emailSubjectSchema
        .optional()
        .meta({ description: "Required for a plain message; replaces a template's subject.", example: "Your order" }),
      text: emailTextSchema.optional().meta({
        description: "A plain message; blank lines separate paragraphs.",
        example: "Your order is ready for collection.",
      }),
      template: emailTemplateSchema.optional().meta({ description: "Instead of text: an allow-listed template." }),
      variables: variablesSchema.optional().meta({
        description: "The template's variables (customerName defaults to the customer's name).",
      }),
    },
    { error: (issue) => (issue.code === "unrecognized_keys" ? `Unknown field: ${issue.keys.join(", ")}.` : undefined) },
  )
  .superRefine((v, ctx) => {
    if ((v.to === undefined) === (v.customerId === undefined)) {
      ctx.addIssue({ code: "custom", path: ["to"], message: "Give either to (an address) or customerId, not both." });
    }
    if ((v.text === undefined) === (v.template === undefined)) {
      ctx.addIssue({ code: "custom", path: ["text"], message: "Give either text (a plain message) or template." });
    }
    if (v.text !== undefined && v.subject === undefined) {
      ctx.addIssue({ code: "custom", path: ["subject"], message: "A plain message needs a subject." });
    }
    if (v.text !== undefined && v.variables !== undefined) {
      ctx.addIssue({ code: "custom", path: ["variables"], message: "Variables go with a template only." });
    }
    if (v.template) checkVariables(v.template, v.variables ?? {}, ctx, v.customerId ? ["customerName"] : []);
  })
  .meta({
    id: "SendEmail",
    example: { to: "ada@example.com", subject: "Your order", text: "Your order is ready for collection." },
  });

export type SendApiEmailInput = z.input<typeof sendApiEmailSchema>;

/** The customer "Send email" dialog: a template ("" = a plain message) and its fields. */
export const customerEmailFormSchema = z
  .object({
    customerId: z.string().min(1).max(64),
    template: z.union([z.literal(""), emailTemplateSchema]),
    subject: z.string().max(EMAIL_SUBJECT_MAX, `Keep the subject under ${EMAIL_SUBJECT_MAX} characters.`),
    message: z.string().max(EMAIL_TEXT_MAX, `Keep the message under ${EMAIL_TEXT_MAX.toLocaleString("en")} characters.`),
    variables: z.record(z.string(), z.string()),
  })
  .superRefine((v, ctx) => {
    if (v.template === "") {
      if (!v.subject.trim()) ctx.addIssue({ code: "custom", path: ["subject"], message: "Give a subject." });
      if (!v.message.trim()) ctx.addIssue({ code: "custom", path: ["message"], message: "Write a message." });
      return;
    }
    const spec: Record<string, { label: string; required: boolean }> = API_EMAIL_TEMPLATES[v.template].variables;
    for (const [name, s] of Object.entries(spec)) {
      if (name !== "customerName" && s.required && !v.variables[name]?.trim()) {
        ctx.addIssue({ code: "custom", path: ["variables", name], message: `Give ${s.label.toLowerCase()}.` });
      }
    }
  });

export type CustomerEmailFormValues = z.input<typeof customerEmailFormSchema>;

/** The dialog's values as an email API request. */
export function customerEmailRequest(values: CustomerEmailFormValues): SendApiEmailInput {
  if (values.template === "") {
    return { customerId: values.customerId, subject: values.subject, text: values.message };
  }
  const spec = API_EMAIL_TEMPLATES[values.template].variables;
  const variables = Object.fromEntries(
    Object.keys(spec)
      .filter((name) => values.variables[name]?.trim())
      .map((name) => [name, values.variables[name]!.trim()]),
  );
  return {
    customerId: values.customerId,
    template: values.template,
    variables,
    ...(values.subject.trim() ? { subject: values.subject } : {}),
  };
}
