"use server";
import { redirect } from "next/navigation";
import { getViewer } from "@/lib/auth/viewer";
import { confirmEmailChange } from "@/lib/data/users/confirm-email-change";
import { requestContext } from "@/lib/http/request-context";

export async function confirmEmailChangeAction(formData: FormData): Promise<void> {
  const result = await confirmEmailChange(formData.get("token"), await requestContext());
  if (!result.ok) redirect(`/confirm-email-change?status=${result.reason}`);
  redirect((await getViewer()) ? "/settings/profile" : "/sign-in?notice=email-changed");
}
