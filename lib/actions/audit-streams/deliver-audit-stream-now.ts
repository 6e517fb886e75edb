"use server";
import { revalidatePath } from "next/cache";
import { getViewer } from "@/lib/auth/viewer";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import type { DeliveryRunSummary } from "@/lib/audit/streams/deliver-audit-streams";
import { deliverAuditStreamNow } from "@/lib/data/audit-streams/deliver-audit-stream-now";
import { requestContext } from "@/lib/http/request-context";

/** "Deliver now": one delivery run of the stream, at once. */
export async function deliverAuditStreamNowAction(id: string): Promise<ActionResult<DeliveryRunSummary>> {
  return runAction("deliver-audit-stream-now", async () => {
    const result = await deliverAuditStreamNow(await getViewer(), id, await requestContext());
    revalidatePath("/logs/streams", "layout");
    return result;
  });
}
