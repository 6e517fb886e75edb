"use server";
import { getViewer } from "@/lib/auth/viewer";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { regenerateRecoveryCodes } from "@/lib/data/two-factor/regenerate-recovery-codes";
import { requestContext } from "@/lib/http/request-context";
import type { RegenerateRecoveryCodesInput } from "@/lib/validations/account";

export async function regenerateRecoveryCodesAction(
  input: RegenerateRecoveryCodesInput,
): Promise<ActionResult<{ recoveryCodes: string[] }>> {
  return runAction("regenerate-recovery-codes", async () =>
    regenerateRecoveryCodes(await getViewer(), input, await requestContext()),
  );
}
