"use server";
import { revalidatePath } from "next/cache";
import { getViewer } from "@/lib/auth/viewer";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { resumeAuditStream } from "@/lib/data/audit-streams/set-audit-stream-paused";
import { requestContext } from "@/lib/http/request-context";
import { auditStreamVersionSchema, type AuditStreamJson } from "@/lib/validations/audit-stream";

/** Resumes a stream; `version`: the one the page showed (a stream changed since is refused). */
export async function resumeAuditStreamAction(id: string, version?: number): Promise<ActionResult<AuditStreamJson>> {
  return runAction("resume-audit-stream", async () => {
    const expected = auditStreamVersionSchema.optional().safeParse(version);
    const result = await resumeAuditStream(
      await getViewer(),
      id,
      await requestContext(),
      expected.success ? expected.data : undefined,
    );
    revalidatePath("/logs/streams", "layout");
    return result;
  });
}
