import { PageHeader } from "@/components/ui/page-header";
import { Spinner } from "@/components/ui/spinner";

export default function Loading() {
  return (
    <>
      <PageHeader title="Audit streams" description="Loading…" />
      <div className="flex justify-center py-16">
        <Spinner />
      </div>
    </>
  );
}
