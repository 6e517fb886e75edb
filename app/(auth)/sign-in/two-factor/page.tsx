import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { ENROLMENT_PATH } from "@/lib/auth/page-paths";
import { getViewer } from "@/lib/auth/viewer";
import { cancelSignInAction } from "@/lib/actions/auth/cancel-sign-in";
import { secondFactorChoices } from "@/lib/data/passkeys/begin-passkey-second-factor";
import { SecondFactorForm } from "./second-factor-form";

export const metadata: Metadata = { title: "Two-factor authentication" };

export default async function SecondFactorPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const viewer = await getViewer();
  if (!viewer) redirect("/sign-in");
  if (viewer.sessionState === "active") redirect("/dashboard");
  if (viewer.sessionState !== "pending_second_factor") redirect(ENROLMENT_PATH);
  const { next } = await searchParams;
  const choices = await secondFactorChoices(viewer);
  return (
    <AuthCard
      title="Two-factor authentication"
      description={`Your password is correct, ${viewer.firstName}. One more step to sign in.`}
      footer={
        <form action={cancelSignInAction}>
          Not you?{" "}
          <button type="submit" className="font-medium text-brand hover:underline">
            Sign in as someone else
          </button>
        </form>
      }
    >
      <SecondFactorForm next={typeof next === "string" ? next : undefined} choices={choices} />
    </AuthCard>
  );
}
