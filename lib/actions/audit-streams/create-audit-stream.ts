"use server";
import { revalidatePath } from "next/cache";
import { getViewer } from "@/lib/auth/viewer";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { createAuditStream, type CreatedAuditStream } from "@/lib/data/audit-streams/create-audit-stream";
import { requestContext } from "@/lib/http/request-context";
import type { CreateAuditStreamInput } from "@/lib/validations/audit-stream";

/** The new stream and its signing secret, which the dialog shows this once. */
export async function createAuditStreamAction(
  input: CreateAuditStreamInput,
): Promise<ActionResult<CreatedAuditStream>> {
  return runAction("create-audit-stream", async () => {
    const result = await createAuditStream(await getViewer(), input, await requestContext());
    revalidatePath("/logs/streams", "layout");
    return result;
  });
}
