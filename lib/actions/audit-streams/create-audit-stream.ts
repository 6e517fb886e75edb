"use server";
import { getViewer } from "@/lib/auth/viewer";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { createAuditStream, type CreatedAuditStream } from "@/lib/data/audit-streams/create-audit-stream";
import { requestContext } from "@/lib/http/request-context";
import type { CreateAuditStreamInput } from "@/lib/validations/audit-stream";

/**
 * The new stream and its signing secret, which the dialog shows this once. No revalidatePath here:
 * re-rendering the page under the dialog would replace the empty state that holds it, and the
 * secret with it; the dialog refreshes the list when it is closed.
 */
export async function createAuditStreamAction(
  input: CreateAuditStreamInput,
): Promise<ActionResult<CreatedAuditStream>> {
  return runAction("create-audit-stream", async () =>
    createAuditStream(await getViewer(), input, await requestContext()),
  );
}
