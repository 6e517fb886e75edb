"use server";
import { revalidatePath } from "next/cache";
import { getViewer } from "@/lib/auth/viewer";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { verifyAuditLogNow, type VerificationReport } from "@/lib/audit/verify-audit-log-now";
import { requestContext } from "@/lib/http/request-context";

/** "Verify now" on /logs/integrity: checks the chain and records the check (audit.manage). */
export async function verifyAuditLogAction(): Promise<ActionResult<VerificationReport>> {
  return runAction("verify-audit-log", async () => {
    const report = await verifyAuditLogNow(await getViewer(), await requestContext());
    revalidatePath("/logs/integrity");
    return report;
  });
}
