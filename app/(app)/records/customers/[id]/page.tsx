import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ArrowLeft, Mail, Phone, MapPin } from "lucide-react";
import { CustomerActions } from "@/components/customers/customer-actions";
import { SendEmailDialog } from "@/components/emails/send-email-dialog";
import { CustomerPurchases } from "@/components/transactions/customer-purchases";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { requirePagePermission } from "@/lib/auth/require-page-viewer";
import type { Viewer } from "@/lib/auth/viewer";
import { getCustomer } from "@/lib/data/customers/get-customer";
import { NotFoundError } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";
import { can } from "@/lib/rbac/can";
import type { CustomerJson } from "@/lib/validations/customer";
import { LinkedCards } from "@/components/board/linked-cards";
import { listLinkedCards } from "@/lib/data/boards/list-linked-cards";

type Props = { params: Promise<{ id: string }> };

// The permission check and the lookup are awaited before anything renders (no loading.tsx in this
// segment), so a refusal answers HTTP 403 and an unknown id HTTP 404.
const loadCustomer = cache(async (id: string): Promise<{ viewer: Viewer; customer: CustomerJson }> => {
  const viewer = await requirePagePermission("customers.read");
  try {
    return { viewer, customer: await getCustomer(viewer, id) };
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const loaded = await loadCustomer((await params).id).catch(() => null);
  return { title: loaded ? `${loaded.customer.name} · Customers` : "Customer" };
}

function Detail({ icon: Icon, label, children }: { icon: typeof Mail; label: string; children: React.ReactNode }) {
  return (
    <div className="flex gap-3">
      <Icon className="mt-0.5 size-4 shrink-0 text-muted-foreground" aria-hidden="true" />
      <div className="min-w-0">
        <dt className="text-xs font-medium uppercase tracking-wide text-muted-foreground">{label}</dt>
        <dd className="mt-0.5 whitespace-pre-line break-words text-sm text-foreground">{children}</dd>
      </div>
    </div>
  );
}

const none = <span className="text-muted-foreground">Not given</span>;

export default async function CustomerPage({ params }: Props) {
  const { id } = await params;
  const { viewer, customer } = await loadCustomer(id);
  const canWrite = can(viewer, "customers.write");
  return (
    <div className="space-y-6">
      <Link
        href="/records/customers"
        className="inline-flex items-center gap-1.5 text-sm text-muted-foreground hover:text-foreground"
      >
        <ArrowLeft className="size-4" aria-hidden="true" />
        All customers
      </Link>
      <div className="flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0">
          <div className="flex flex-wrap items-center gap-2">
            <h1 className="text-2xl font-semibold tracking-tight text-foreground">{customer.name}</h1>
            {customer.archived ? (
              <Badge tone="neutral" dot>
                Archived
              </Badge>
            ) : (
              <Badge tone="success" dot>
                Active
              </Badge>
            )}
          </div>
          {customer.tags.length ? (
            <ul className="mt-2 flex flex-wrap gap-1" aria-label="Tags">
              {customer.tags.map((t) => (
                <li key={t}>
                  <Link href={`/records/customers?tag=${encodeURIComponent(t)}`}>
                    <Badge tone="brand">{t}</Badge>
                  </Link>
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-1 text-sm text-muted-foreground">No tags</p>
          )}
        </div>
        <div className="flex flex-wrap gap-2">
          {can(viewer, "email.send") ? (
            <SendEmailDialog customerId={customer.id} customerName={customer.name} email={customer.email} />
          ) : null}
          {canWrite ? <CustomerActions customer={customer} layout="buttons" afterDelete="/records/customers" /> : null}
        </div>
      </div>

      {customer.archived ? (
        <p className="rounded-lg border border-border bg-muted/50 px-4 py-3 text-sm text-muted-foreground">
          Archived {customer.archivedAt ? formatDateTime(new Date(customer.archivedAt)) : ""}: hidden from the customer
          list unless “Archived” is chosen there; its sales history is kept.
        </p>
      ) : null}

      <div className="grid gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <CardHeader title="Contact" />
          <CardBody>
            <dl className="grid gap-5 sm:grid-cols-2">
              <Detail icon={Mail} label="Email">
                {customer.email ? (
                  <a href={`mailto:${customer.email}`} className="text-brand hover:underline">
                    {customer.email}
                  </a>
                ) : (
                  none
                )}
              </Detail>
              <Detail icon={Phone} label="Phone">
                {customer.phone ? <a href={`tel:${customer.phone.replace(/[^0-9+]/g, "")}`}>{customer.phone}</a> : none}
              </Detail>
              <div className="sm:col-span-2">
                <Detail icon={MapPin} label="Address">
                  {customer.address ?? none}
                </Detail>
              </div>
            </dl>
          </CardBody>
        </Card>
        <Card>
          <CardHeader title="Record" />
          <CardBody>
            <dl className="space-y-3 text-sm">
              <div>
                <dt className="text-xs font-medium uppercase tracking-wide text-muted-foreground">Created</dt>
                <dd className="mt-0.5 text-foreground">
                  {formatDateTime(new Date(customer.createdAt))}
                  {customer.createdBy ? ` by ${customer.createdBy.name}` : ""}
                </dd>
              </div>
              <div>
                <dt className="text-xs font-medium uppercase tracking-wide text-muted-foreground">Last changed</dt>
                <dd className="mt-0.5 text-foreground">
                  {formatDateTime(new Date(customer.updatedAt))}
                  {customer.updatedBy ? ` by ${customer.updatedBy.name}` : ""}
                </dd>
              </div>
              <div>
                <dt className="text-xs font-medium uppercase tracking-wide text-muted-foreground">Version</dt>
                <dd className="mt-0.5 tabular-nums text-foreground">{customer.version}</dd>
              </div>
            </dl>
          </CardBody>
        </Card>
        <Card className="lg:col-span-3">
          <CardHeader title="Notes" />
          <CardBody>
            {customer.notes ? (
              <p className="whitespace-pre-line break-words text-sm text-foreground">{customer.notes}</p>
            ) : (
              <p className="text-sm text-muted-foreground">No notes yet.</p>
            )}
          </CardBody>
        </Card>
        {/* Purchase history and lifetime value: only for those who may read transactions. */}
        <div className="lg:col-span-3">
          <CustomerPurchases viewer={viewer} customerId={customer.id} />
        </div>
        {/* Board cards linked to this customer, on boards the viewer is a member of. */}
        {can(viewer, "board.read") ? (
          <div className="lg:col-span-3">
            <LinkedCards cards={await listLinkedCards(viewer, { customerId: customer.id })} />
          </div>
        ) : null}
      </div>
    </div>
  );
}
