"use server";
import { getViewer } from "@/lib/auth/viewer";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import type { ApiEmail } from "@/lib/data/emails/api-email";
import { sendApiEmail } from "@/lib/data/emails/send-api-email";
import { ValidationError } from "@/lib/errors";
import { requestContext } from "@/lib/http/request-context";
import { requirePermission } from "@/lib/rbac/can";
import { parseOrThrow } from "@/lib/validations/parse";
import { customerEmailFormSchema, customerEmailRequest, type CustomerEmailFormValues } from "@/lib/validations/email";

/** The customer "Send email" dialog: the form's values become an email API request to that customer. */
export async function sendCustomerEmailAction(values: CustomerEmailFormValues): Promise<ActionResult<ApiEmail>> {
  return runAction("send-customer-email", async () => {
    const viewer = await getViewer();
    requirePermission(viewer, "email.send");
    const form = parseOrThrow(customerEmailFormSchema, values);
    try {
      return await sendApiEmail(viewer, customerEmailRequest(form), await requestContext());
    } catch (error) {
      // The API calls the message `text`; the dialog calls it `message`.
      if (error instanceof ValidationError && error.fieldErrors.text) {
        const { text, ...rest } = error.fieldErrors;
        throw new ValidationError({ ...rest, message: text }, error.message);
      }
      throw error;
    }
  });
}
