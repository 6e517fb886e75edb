import { Card, CardHeader } from "@/components/ui/card";
import { Spinner } from "@/components/ui/spinner";

export default function Loading() {
  return (
    <Card>
      <CardHeader title="Passkeys" description="Loading your sign-in methods…" />
      <div className="flex justify-center py-10">
        <Spinner />
      </div>
    </Card>
  );
}
