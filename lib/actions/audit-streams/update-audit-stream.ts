"use server";
import { revalidatePath } from "next/cache";
import { getViewer } from "@/lib/auth/viewer";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { updateAuditStream } from "@/lib/data/audit-streams/update-audit-stream";
import { ValidationError } from "@/lib/errors";
import { requestContext } from "@/lib/http/request-context";
import {
  auditStreamVersionSchema,
  type AuditStreamJson,
  type UpdateAuditStreamInput,
} from "@/lib/validations/audit-stream";

/** Saves the edit dialog; `version` is the one it opened with (a stale save is refused). */
export async function updateAuditStreamAction(
  id: string,
  version: number,
  input: UpdateAuditStreamInput,
): Promise<ActionResult<AuditStreamJson>> {
  return runAction("update-audit-stream", async () => {
    const parsed = auditStreamVersionSchema.safeParse(version);
    if (!parsed.success) throw new ValidationError({ _form: ["Reload the stream and try again."] });
    const result = await updateAuditStream(await getViewer(), id, input, await requestContext(), parsed.data);
    revalidatePath("/logs/streams", "layout");
    return result;
  });
}
