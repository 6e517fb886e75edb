"use server";
import { revalidatePath } from "next/cache";
import { getViewer } from "@/lib/auth/viewer";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { deleteAuditStream } from "@/lib/data/audit-streams/delete-audit-stream";
import { requestContext } from "@/lib/http/request-context";
import { auditStreamVersionSchema } from "@/lib/validations/audit-stream";

export async function deleteAuditStreamAction(id: string, version?: number): Promise<ActionResult<{ id: string }>> {
  return runAction("delete-audit-stream", async () => {
    const expected = auditStreamVersionSchema.optional().safeParse(version);
    const result = await deleteAuditStream(
      await getViewer(),
      id,
      await requestContext(),
      expected.success ? expected.data : undefined,
    );
    revalidatePath("/logs/streams", "layout");
    return result;
  });
}
