import type { Metadata } from "next";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { ChangeEmailForm, ProfileForm } from "@/components/settings/profile-form";
import { requirePageViewer } from "@/lib/auth/require-page-viewer";
import { getOwnProfile } from "@/lib/data/users/get-own-profile";

export const metadata: Metadata = { title: "Profile" };

export default async function ProfilePage() {
  const viewer = await requirePageViewer();
  const profile = await getOwnProfile(viewer);
  return (
    <>
      <Card>
        <CardHeader title="Profile" description={`Your username is @${profile.username}; it cannot be changed.`} />
        <CardBody>
          <ProfileForm
            initial={{ firstName: profile.firstName, lastName: profile.lastName, dateOfBirth: profile.dateOfBirth }}
          />
        </CardBody>
      </Card>
      <Card>
        <CardHeader title="Email address" />
        <CardBody>
          <ChangeEmailForm current={profile.email} pending={profile.pendingEmail} />
        </CardBody>
      </Card>
    </>
  );
}
