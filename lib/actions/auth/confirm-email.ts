"use server";
import { redirect } from "next/navigation";
import { getViewer } from "@/lib/auth/viewer";
import { verifyEmail } from "@/lib/data/users/verify-email";
import { requestContext } from "@/lib/http/request-context";

/** Form action of the confirm button: consumes the token, then leaves the page. */
export async function confirmEmailAction(formData: FormData): Promise<void> {
  const result = await verifyEmail(formData.get("token"), await requestContext());
  if (!result.ok) redirect("/verify-email?status=invalid");
  redirect((await getViewer()) ? "/dashboard?notice=verified" : "/sign-in?notice=verified");
}
