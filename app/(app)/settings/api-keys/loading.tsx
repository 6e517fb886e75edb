import { Card, CardHeader } from "@/components/ui/card";
import { Spinner } from "@/components/ui/spinner";

export default function Loading() {
  return (
    <Card>
      <CardHeader title="API keys" description="Loading your keys…" />
      <div className="flex justify-center py-10">
        <Spinner />
      </div>
    </Card>
  );
}
