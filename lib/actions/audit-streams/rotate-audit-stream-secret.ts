"use server";
import { revalidatePath } from "next/cache";
import { getViewer } from "@/lib/auth/viewer";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import type { CreatedAuditStream } from "@/lib/data/audit-streams/create-audit-stream";
import { rotateAuditStreamSecret } from "@/lib/data/audit-streams/rotate-audit-stream-secret";
import { requestContext } from "@/lib/http/request-context";
import { auditStreamVersionSchema } from "@/lib/validations/audit-stream";

/** The stream and its new signing secret, shown this once. */
export async function rotateAuditStreamSecretAction(
  id: string,
  version?: number,
): Promise<ActionResult<CreatedAuditStream>> {
  return runAction("rotate-audit-stream-secret", async () => {
    const expected = auditStreamVersionSchema.optional().safeParse(version);
    const result = await rotateAuditStreamSecret(
      await getViewer(),
      id,
      await requestContext(),
      expected.success ? expected.data : undefined,
    );
    revalidatePath("/logs/streams", "layout");
    return result;
  });
}
