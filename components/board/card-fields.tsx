"use client";
// The card dialog's side column: who is on the card, its labels, due day, priority and cover,
// the customer or transaction it is linked to (pickers only for those who may read them; the
// linked record's name links to its page), and the card's actions. Each change saves at once.
import {
  Archive,
  CalendarClock,
  Flag,
  FolderInput,
  Palette,
  Plus,
  ReceiptText,
  Tag,
  UserRound,
  Users,
  X,
} from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuCheckboxItem,
  DropdownMenuContent,
  DropdownMenuLabel,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { SearchCombobox } from "@/components/transactions/search-combobox";
import { searchCardLinksAction, type CardLinkOption } from "@/lib/actions/boards/search-card-links";
import { CARD_PRIORITIES, type BoardJson, type BoardCardJson, type UpdateCardInput } from "@/lib/validations/board";
import { ColorPicker } from "@/components/board/color-picker";
import { swatch } from "@/components/board/colors";
import { PRIORITY_META } from "@/components/board/card-face";
import { MemberAvatar } from "@/components/board/member-avatar";
import { cn } from "@/lib/cn";

function Group({ title, icon: Icon, children }: { title: string; icon: typeof Users; children: ReactNode }) {
  return (
    <div className="space-y-1.5">
      <h3 className="flex items-center gap-1.5 text-xs font-semibold uppercase tracking-wide text-muted-foreground">
        <Icon className="size-3.5" aria-hidden="true" />
        {title}
      </h3>
      {children}
    </div>
  );
}

const toggle = (list: string[], id: string, on: boolean) =>
  on ? [...new Set([...list, id])] : list.filter((x) => x !== id);

export function CardFields({
  card,
  board,
  canEdit,
  links,
  save,
  onMove,
  onArchive,
}: {
  card: BoardCardJson;
  board: BoardJson;
  canEdit: boolean;
  links: { customers: boolean; transactions: boolean };
  save: (input: UpdateCardInput, message: string) => Promise<boolean>;
  onMove: () => void;
  onArchive: () => void;
}) {
  const assignees = board.members.filter((m) => card.assigneeIds.includes(m.userId));
  const labels = board.labels.filter((l) => card.labelIds.includes(l.id));
  const search = (kind: "customer" | "transaction") => async (q: string) => {
    const result = await searchCardLinksAction(kind, q);
    return result.ok ? result.data : { error: result.error };
  };

  return (
    <div className="space-y-5">
      <Group title="Assignees" icon={Users}>
        {assignees.length ? (
          <ul className="space-y-1">
            {assignees.map((m) => (
              <li key={m.userId} className="flex items-center gap-2 text-sm">
                <MemberAvatar userId={m.userId} name={m.name} size="sm" />
                <span className="truncate">{m.name}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-muted-foreground">Nobody yet.</p>
        )}
        {canEdit ? (
          <DropdownMenu>
            <DropdownMenuTrigger asChild>
              <Button variant="secondary" size="sm" className="w-full justify-start">
                <Plus className="size-4" aria-hidden="true" />
                Assign…
              </Button>
            </DropdownMenuTrigger>
            <DropdownMenuContent align="start" className="max-h-72 w-60 overflow-y-auto">
              <DropdownMenuLabel>Members of {board.name}</DropdownMenuLabel>
              {board.members.map((m) => {
                const on = card.assigneeIds.includes(m.userId);
                return (
                  <DropdownMenuCheckboxItem
                    key={m.userId}
                    checked={on}
                    onSelect={(e) => e.preventDefault()}
                    onCheckedChange={(checked) =>
                      void save(
                        { assigneeIds: toggle(card.assigneeIds, m.userId, checked === true) },
                        checked ? `Assigned ${m.name}.` : `Unassigned ${m.name}.`,
                      )
                    }
                  >
                    {m.name}
                    <span className="ml-auto text-xs text-muted-foreground">@{m.username}</span>
                  </DropdownMenuCheckboxItem>
                );
              })}
            </DropdownMenuContent>
          </DropdownMenu>
        ) : null}
      </Group>

      <Group title="Labels" icon={Tag}>
        {labels.length ? (
          <ul className="flex flex-wrap gap-1">
            {labels.map((l) => (
              <li
                key={l.id}
                className={cn("rounded px-1.5 py-0.5 text-xs font-semibold ring-1 ring-inset", swatch(l.color).chip)}
              >
                {l.name}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-muted-foreground">
            {board.labels.length ? "None." : "The board has no labels yet."}
          </p>
        )}
        {canEdit && board.labels.length ? (
          <DropdownMenu>
            <DropdownMenuTrigger asChild>
              <Button variant="secondary" size="sm" className="w-full justify-start">
                <Tag className="size-4" aria-hidden="true" />
                Labels…
              </Button>
            </DropdownMenuTrigger>
            <DropdownMenuContent align="start" className="max-h-72 w-56 overflow-y-auto">
              {board.labels.map((l) => (
                <DropdownMenuCheckboxItem
                  key={l.id}
                  checked={card.labelIds.includes(l.id)}
                  onSelect={(e) => e.preventDefault()}
                  onCheckedChange={(checked) =>
                    void save(
                      { labelIds: toggle(card.labelIds, l.id, checked === true) },
                      checked ? `Labelled ${l.name}.` : `Removed the label ${l.name}.`,
                    )
                  }
                >
                  <span aria-hidden="true" className={cn("size-2.5 rounded-full", swatch(l.color).solid)} />
                  {l.name}
                </DropdownMenuCheckboxItem>
              ))}
            </DropdownMenuContent>
          </DropdownMenu>
        ) : null}
      </Group>

      <Group title="Due" icon={CalendarClock}>
        <div className="flex gap-2">
          <label htmlFor="card-due" className="sr-only">
            Due date
          </label>
          <Input
            id="card-due"
            type="date"
            className="h-9"
            disabled={!canEdit}
            value={card.dueAt?.slice(0, 10) ?? ""}
            onChange={(e) => {
              const day = e.target.value;
              if (!day || /^\d{4}-\d{2}-\d{2}$/.test(day))
                void save({ dueAt: day || null }, day ? `Due date set.` : "Due date removed.");
            }}
          />
          {canEdit && card.dueAt ? (
            <Button
              variant="ghost"
              size="sm"
              className="h-9 px-2"
              aria-label="Remove the due date"
              onClick={() => void save({ dueAt: null }, "Due date removed.")}
            >
              <X className="size-4" aria-hidden="true" />
            </Button>
          ) : null}
        </div>
      </Group>

      <Group title="Priority" icon={Flag}>
        <Select
          label="Priority"
          hideLabel
          size="sm"
          className="h-9"
          disabled={!canEdit}
          value={card.priority}
          onChange={(e) => {
            const priority = e.target.value as BoardCardJson["priority"];
            void save({ priority }, `Priority: ${priority === "none" ? "none" : PRIORITY_META[priority].label}.`);
          }}
          options={CARD_PRIORITIES.map((p) => ({ value: p, label: p === "none" ? "None" : PRIORITY_META[p].label }))}
        />
      </Group>

      <Group title="Cover" icon={Palette}>
        <ColorPicker
          label="Cover colour"
          hideLabel
          allowNone
          disabled={!canEdit}
          value={card.coverColor}
          onChange={(coverColor) => void save({ coverColor }, coverColor ? "Cover set." : "Cover removed.")}
        />
      </Group>

      {links.customers || card.customer ? (
        <Group title="Customer" icon={UserRound}>
          {card.customer ? (
            <LinkedRecord
              href={`/records/customers/${card.customer.id}`}
              label={card.customer.name}
              canEdit={canEdit}
              onRemove={() => void save({ customerId: null }, "Customer unlinked.")}
            />
          ) : canEdit && links.customers ? (
            <SearchCombobox<CardLinkOption>
              id="card-link-customer"
              label="Link a customer"
              placeholder="Search customers"
              search={search("customer")}
              getKey={(o) => o.id}
              renderItem={(o) => <LinkOption option={o} />}
              onPick={(o) => void save({ customerId: o.id }, `Linked ${o.label}.`)}
            />
          ) : (
            <p className="text-sm text-muted-foreground">None.</p>
          )}
        </Group>
      ) : null}

      {links.transactions || card.transaction ? (
        <Group title="Transaction" icon={ReceiptText}>
          {card.transaction ? (
            <LinkedRecord
              href={`/records/transactions/${card.transaction.id}`}
              label={`Receipt #${card.transaction.number}`}
              canEdit={canEdit}
              onRemove={() => void save({ transactionId: null }, "Transaction unlinked.")}
            />
          ) : canEdit && links.transactions ? (
            <SearchCombobox<CardLinkOption>
              id="card-link-transaction"
              label="Link a transaction"
              placeholder="Receipt number"
              search={search("transaction")}
              getKey={(o) => o.id}
              renderItem={(o) => <LinkOption option={o} />}
              onPick={(o) => void save({ transactionId: o.id }, `Linked receipt ${o.label}.`)}
            />
          ) : (
            <p className="text-sm text-muted-foreground">None.</p>
          )}
        </Group>
      ) : null}

      {canEdit ? (
        <div className="space-y-2 border-t border-border pt-4">
          <Button variant="secondary" size="sm" className="w-full justify-start" onClick={onMove}>
            <FolderInput className="size-4" aria-hidden="true" />
            Move to…
          </Button>
          <Button variant="secondary" size="sm" className="w-full justify-start" onClick={onArchive}>
            <Archive className="size-4" aria-hidden="true" />
            Archive
          </Button>
        </div>
      ) : null}
    </div>
  );
}

function LinkOption({ option }: { option: CardLinkOption }) {
  return (
    <span className="min-w-0">
      <span className="block truncate font-medium">{option.label}</span>
      {option.detail ? <span className="block truncate text-xs text-muted-foreground">{option.detail}</span> : null}
    </span>
  );
}

function LinkedRecord({
  href,
  label,
  canEdit,
  onRemove,
}: {
  href: string;
  label: string;
  canEdit: boolean;
  onRemove: () => void;
}) {
  return (
    <div className="flex items-center gap-2 rounded-lg border border-border px-3 py-2">
      <Link href={href} className="min-w-0 flex-1 truncate text-sm font-medium text-brand hover:underline">
        {label}
      </Link>
      {canEdit ? (
        <button
          type="button"
          onClick={onRemove}
          aria-label={`Unlink ${label}`}
          className="rounded p-1 text-muted-foreground hover:bg-muted hover:text-foreground"
        >
          <X className="size-4" aria-hidden="true" />
        </button>
      ) : null}
    </div>
  );
}
