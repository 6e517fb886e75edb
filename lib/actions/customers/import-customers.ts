"use server";
import { revalidatePath } from "next/cache";
import { getViewer } from "@/lib/auth/viewer";
import { runAction, type ActionResult } from "@/lib/actions/run-action";
import { importCustomers, type CustomerImportResult } from "@/lib/data/customers/import-customers";
import { requestContext } from "@/lib/http/request-context";

/** The import dialog: `dryRun` previews (nothing written); otherwise all rows or none. */
export async function importCustomersAction(input: {
  csv: string;
  dryRun: boolean;
}): Promise<ActionResult<CustomerImportResult>> {
  return runAction("import-customers", async () => {
    const csv = typeof input?.csv === "string" ? input.csv : "";
    const result = await importCustomers(
      await getViewer(),
      { csv, dryRun: input?.dryRun !== false },
      await requestContext(),
    );
    if (result.committed) revalidatePath("/records/customers", "layout");
    return result;
  });
}
