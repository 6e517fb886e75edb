"use server";
import { revalidatePath } from "next/cache";
import { getViewer } from "@/lib/auth/viewer";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { sendAuditStreamTest, type StreamTestResult } from "@/lib/data/audit-streams/send-audit-stream-test";
import { requestContext } from "@/lib/http/request-context";

/** The Test button: the endpoint's answer (a failing endpoint is a result, not an action error). */
export async function sendAuditStreamTestAction(id: string): Promise<ActionResult<StreamTestResult>> {
  return runAction("send-audit-stream-test", async () => {
    const result = await sendAuditStreamTest(await getViewer(), id, await requestContext());
    revalidatePath("/logs/streams", "layout");
    return result;
  });
}
