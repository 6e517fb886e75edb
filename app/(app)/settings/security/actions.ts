"use server";
import { revalidatePath } from "next/cache";
import { writeSessionCookie } from "@/lib/auth/session-cookie";
import { getViewer } from "@/lib/auth/viewer";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { changePassword } from "@/lib/data/passwords/change-password";
import { confirmTotpEnrolment } from "@/lib/data/two-factor/confirm-totp-enrolment";
import { disableTotp } from "@/lib/data/two-factor/disable-totp";
import { finishTwoFactorEnrolment } from "@/lib/data/two-factor/finish-two-factor-enrolment";
import { regenerateRecoveryCodes } from "@/lib/data/two-factor/regenerate-recovery-codes";
import { startTotpEnrolment } from "@/lib/data/two-factor/start-totp-enrolment";
import { requestContext } from "@/lib/http/request-context";
import type {
  ChangePasswordInput,
  ConfirmTotpInput,
  DisableTotpInput,
  PasswordOnlyInput,
  RegenerateRecoveryCodesInput,
} from "@/lib/validations/account";

export async function startTotpEnrolmentAction(input: Partial<PasswordOnlyInput>): Promise<ActionResult<null>> {
  return runAction("start-totp", async () => {
    await startTotpEnrolment(await getViewer(), input, await requestContext());
    revalidatePath("/settings/security");
    revalidatePath("/setup-two-factor");
    return null;
  });
}

export async function confirmTotpEnrolmentAction(
  input: ConfirmTotpInput,
): Promise<ActionResult<{ recoveryCodes: string[] }>> {
  return runAction("confirm-totp", async () => {
    const result = await confirmTotpEnrolment(await getViewer(), input, await requestContext());
    // The page comes back with the stored state (on) together with the codes, which travel only in
    // this answer to the session that confirmed: never in a page load.
    revalidatePath("/settings/security");
    return result;
  });
}

export async function regenerateRecoveryCodesAction(
  input: RegenerateRecoveryCodesInput,
): Promise<ActionResult<{ recoveryCodes: string[] }>> {
  return runAction("regenerate-recovery-codes", async () =>
    regenerateRecoveryCodes(await getViewer(), input, await requestContext()),
  );
}

export async function disableTotpAction(input: DisableTotpInput): Promise<ActionResult<null>> {
  return runAction("disable-totp", async () => {
    await disableTotp(await getViewer(), input, await requestContext());
    revalidatePath("/settings/security");
    return null;
  });
}

export async function changePasswordAction(
  input: ChangePasswordInput,
): Promise<ActionResult<{ sessionsEnded: number }>> {
  return runAction("change-password", async () => {
    const { token, remember, sessionsEnded } = await changePassword(await getViewer(), input, await requestContext());
    await writeSessionCookie(token, remember);
    return { sessionsEnded };
  });
}

/** After enrolment forced by a role: turn the held-back session into a full one. */
export async function finishTwoFactorEnrolmentAction(): Promise<ActionResult<null>> {
  return runAction("finish-enrolment", async () => {
    const { token, remember } = await finishTwoFactorEnrolment(await getViewer(), await requestContext());
    await writeSessionCookie(token, remember);
    return null;
  });
}
