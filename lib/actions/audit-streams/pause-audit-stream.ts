"use server";
import { revalidatePath } from "next/cache";
import { getViewer } from "@/lib/auth/viewer";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { pauseAuditStream } from "@/lib/data/audit-streams/set-audit-stream-paused";
import { requestContext } from "@/lib/http/request-context";
import { auditStreamVersionSchema, type AuditStreamJson } from "@/lib/validations/audit-stream";

/** Pauses a stream; `version`: the one the page showed (a stream changed since is refused). */
export async function pauseAuditStreamAction(id: string, version?: number): Promise<ActionResult<AuditStreamJson>> {
  return runAction("pause-audit-stream", async () => {
    const expected = auditStreamVersionSchema.optional().safeParse(version);
    const result = await pauseAuditStream(
      await getViewer(),
      id,
      await requestContext(),
      expected.success ? expected.data : undefined,
    );
    revalidatePath("/logs/streams", "layout");
    return result;
  });
}
