"use client";
// Board settings, in tabs: General (owners: name, description, colour, swimlanes, archive the
// board), Columns (WIP limit and mode of each), Lanes (with swimlanes on), Labels (editors add,
// rename, recolour, delete) and Members (owners add people, change roles, remove; others see who
// is on the board). Each change is saved on its own and applied to the board at once. Loaded when
// first opened.
import { Archive, Plus, Trash2, UserPlus } from "lucide-react";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { TextField } from "@/components/ui/text-field";
import { SearchCombobox } from "@/components/transactions/search-combobox";
import { createLabelAction } from "@/lib/actions/boards/create-label";
import { createLaneAction } from "@/lib/actions/boards/create-lane";
import { deleteLabelAction } from "@/lib/actions/boards/delete-label";
import { deleteLaneAction } from "@/lib/actions/boards/delete-lane";
import { moveLaneAction } from "@/lib/actions/boards/move-lane";
import { removeBoardMemberAction } from "@/lib/actions/boards/remove-board-member";
import { searchMemberCandidatesAction, type MemberCandidate } from "@/lib/actions/boards/search-member-candidates";
import { setBoardArchivedAction } from "@/lib/actions/boards/set-board-archived";
import { setBoardMemberAction } from "@/lib/actions/boards/set-board-member";
import { updateBoardAction } from "@/lib/actions/boards/update-board";
import { updateColumnAction } from "@/lib/actions/boards/update-column";
import { updateLabelAction } from "@/lib/actions/boards/update-label";
import { updateLaneAction } from "@/lib/actions/boards/update-lane";
import {
  BOARD_COLORS,
  BOARD_LIMITS,
  BOARD_ROLES,
  type BoardChangePayload,
  type BoardColor,
  type BoardJson,
  type BoardRole,
  type ColumnJson,
  type LabelJson,
  type LaneJson,
  type WipMode,
} from "@/lib/validations/board";
import { ColorPicker } from "@/components/board/color-picker";
import { BOARD_PALETTE, swatch } from "@/components/board/colors";
import { MemberAvatar } from "@/components/board/member-avatar";
import { ROLE_LABELS } from "@/components/board/role-badge";
import { TextArea } from "@/components/board/text-area";
import { toast } from "@/components/board/board-toast";
import { cn } from "@/lib/cn";

type Props = {
  board: BoardJson;
  me: { userId: string; name: string };
  canEdit: boolean;
  isOwner: boolean;
  onApply: (payload: BoardChangePayload) => void;
  onReload: () => Promise<void>;
  onArchived: () => void;
  onClose: () => void;
};

export function BoardSettingsDialog(props: Props) {
  const { board, canEdit, isOwner, onClose } = props;
  const writable = !board.archivedAt;
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent title="Board settings" description={board.name} size="lg">
        <Tabs defaultValue={isOwner ? "general" : "columns"}>
          <TabsList aria-label="Settings">
            {isOwner ? <TabsTrigger value="general">General</TabsTrigger> : null}
            <TabsTrigger value="columns">Columns</TabsTrigger>
            {board.swimlanesEnabled ? <TabsTrigger value="lanes">Lanes</TabsTrigger> : null}
            <TabsTrigger value="labels">Labels</TabsTrigger>
            <TabsTrigger value="members">Members</TabsTrigger>
          </TabsList>
          {isOwner ? (
            <TabsContent value="general">
              <GeneralSettings {...props} />
            </TabsContent>
          ) : null}
          <TabsContent value="columns">
            <ColumnLimits board={board} canEdit={canEdit && writable} onApply={props.onApply} />
          </TabsContent>
          {board.swimlanesEnabled ? (
            <TabsContent value="lanes">
              <LaneSettings board={board} canEdit={canEdit && writable} onApply={props.onApply} />
            </TabsContent>
          ) : null}
          <TabsContent value="labels">
            <LabelSettings board={board} canEdit={canEdit && writable} onApply={props.onApply} />
          </TabsContent>
          <TabsContent value="members">
            <MemberSettings {...props} canManage={isOwner && writable} />
          </TabsContent>
        </Tabs>
      </DialogContent>
    </Dialog>
  );
}

function GeneralSettings({ board, onApply, onReload, onArchived }: Props) {
  const [name, setName] = useState(board.name);
  const [description, setDescription] = useState(board.description ?? "");
  const [color, setColor] = useState<BoardColor>(board.color);
  const [swimlanes, setSwimlanes] = useState(board.swimlanesEnabled);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);
  const [archiving, setArchiving] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setPending(true);
    setErrors({});
    const result = await updateBoardAction(
      board.id,
      { name, description: description.trim() || null, color, swimlanesEnabled: swimlanes },
      board.version,
    );
    setPending(false);
    if (!result.ok) {
      const fields = Object.fromEntries(Object.entries(result.fieldErrors ?? {}).map(([k, v]) => [k, v[0] ?? ""]));
      setErrors(fields);
      if (result.code === "precondition_failed") {
        toast.error("Someone changed the board's settings meanwhile. The board has been reloaded; try again.");
        void onReload();
      } else if (!result.fieldErrors) toast.error(result.error);
      return;
    }
    if (result.data.board.swimlanesEnabled !== board.swimlanesEnabled) await onReload();
    else onApply({ board: result.data.board });
    toast.success("Board settings saved.");
  };

  return (
    <div className="space-y-6">
      <form onSubmit={submit} noValidate className="space-y-4">
        <TextField
          id="board-settings-name"
          label="Name"
          value={name}
          maxLength={BOARD_LIMITS.name}
          error={errors.name}
          onChange={(e) => setName(e.target.value)}
        />
        <Field id="board-settings-description" label="Description" error={errors.description}>
          <TextArea
            id="board-settings-description"
            rows={2}
            value={description}
            maxLength={BOARD_LIMITS.description}
            onChange={(e) => setDescription(e.target.value)}
          />
        </Field>
        <ColorPicker label="Colour" value={color} onChange={(c) => c && setColor(c)} />
        <label className="flex items-start gap-3 rounded-lg border border-border p-3">
          <input
            type="checkbox"
            checked={swimlanes}
            onChange={(e) => setSwimlanes(e.target.checked)}
            className="mt-0.5 size-4 accent-[var(--brand)]"
          />
          <span>
            <span className="block text-sm font-medium text-foreground">Swimlanes</span>
            <span className="block text-sm text-muted-foreground">
              {board.swimlanesEnabled
                ? "Turning them off puts each column's cards in one list; the lanes are kept for next time."
                : "Turning them on puts every card in a first lane, “Default”; add more lanes after."}
            </span>
          </span>
        </label>
        <div className="flex justify-end">
          <Button type="submit" loading={pending}>
            Save settings
          </Button>
        </div>
      </form>
      <div className="flex flex-col gap-3 rounded-lg border border-danger/30 bg-danger-soft/40 p-4 sm:flex-row sm:items-center sm:justify-between">
        <div>
          <p className="text-sm font-medium text-foreground">Archive this board</p>
          <p className="text-sm text-muted-foreground">
            It becomes read-only and moves to “Archived boards”; you can restore it.
          </p>
        </div>
        <Button variant="secondary" className="text-danger" onClick={() => setArchiving(true)}>
          <Archive className="size-4" aria-hidden="true" />
          Archive board
        </Button>
      </div>
      <ConfirmDialog
        open={archiving}
        onOpenChange={setArchiving}
        title={`Archive ${board.name}?`}
        description="Members can still open it, but nobody can change it until an owner restores it."
        confirmLabel="Archive board"
        variant="danger"
        onConfirm={async () => {
          const result = await setBoardArchivedAction(board.id, true);
          if (!result.ok) return { ok: false, error: result.error };
          onArchived();
          return { ok: true };
        }}
      />
    </div>
  );
}

function ColumnLimits({
  board,
  canEdit,
  onApply,
}: {
  board: BoardJson;
  canEdit: boolean;
  onApply: (payload: BoardChangePayload) => void;
}) {
  return (
    <div className="space-y-3">
      <p className="text-sm text-muted-foreground">
        A work-in-progress limit caps the open cards of a column, across lanes. “Warn” lets cards in and turns the
        column amber; “Refuse” keeps them out and turns it red.
      </p>
      <ul className="divide-y divide-border rounded-lg border border-border">
        {board.columns.map((c) => (
          <ColumnLimitRow
            key={`${c.id}-${c.version}`}
            boardId={board.id}
            column={c}
            canEdit={canEdit}
            onApply={onApply}
          />
        ))}
      </ul>
    </div>
  );
}

function ColumnLimitRow({
  boardId,
  column,
  canEdit,
  onApply,
}: {
  boardId: string;
  column: ColumnJson;
  canEdit: boolean;
  onApply: (payload: BoardChangePayload) => void;
}) {
  const [limit, setLimit] = useState(column.wipLimit === null ? "" : String(column.wipLimit));
  const [mode, setMode] = useState<WipMode>(column.wipMode);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const dirty = limit !== (column.wipLimit === null ? "" : String(column.wipLimit)) || mode !== column.wipMode;
  const save = async (event: FormEvent) => {
    event.preventDefault();
    const n = limit.trim() === "" ? null : Number(limit);
    if (n !== null && (!Number.isInteger(n) || n < 1 || n > BOARD_LIMITS.wipLimit)) {
      return setError(`1 to ${BOARD_LIMITS.wipLimit}, or empty.`);
    }
    setPending(true);
    const result = await updateColumnAction(boardId, column.id, { wipLimit: n, wipMode: mode });
    setPending(false);
    if (!result.ok) return setError(result.fieldErrors?.wipLimit?.[0] ?? result.error);
    setError(null);
    onApply({ columns: [result.data.column] });
    toast.success(`Saved the limit of ${column.name}.`);
  };
  return (
    <li>
      <form onSubmit={save} className="flex flex-wrap items-center gap-2 px-3 py-2.5">
        <span className="min-w-0 flex-1 truncate text-sm font-medium text-foreground">{column.name}</span>
        <label className="sr-only" htmlFor={`limit-${column.id}`}>
          Card limit of {column.name}
        </label>
        <Input
          id={`limit-${column.id}`}
          inputMode="numeric"
          placeholder="No limit"
          value={limit}
          disabled={!canEdit}
          invalid={!!error}
          className="h-8 w-24"
          onChange={(e) => setLimit(e.target.value)}
        />
        <Select
          label={`At the limit, ${column.name}`}
          hideLabel
          size="sm"
          disabled={!canEdit}
          value={mode}
          onChange={(e) => setMode(e.target.value as WipMode)}
          wrapperClassName="w-28"
          options={[
            { value: "soft", label: "Warn" },
            { value: "hard", label: "Refuse" },
          ]}
        />
        {canEdit ? (
          <Button type="submit" size="sm" variant="secondary" disabled={!dirty} loading={pending}>
            Save<span className="sr-only"> limit of {column.name}</span>
          </Button>
        ) : null}
        {error ? (
          <p role="alert" className="basis-full text-sm text-danger">
            {error}
          </p>
        ) : null}
      </form>
    </li>
  );
}

function LaneSettings({
  board,
  canEdit,
  onApply,
}: {
  board: BoardJson;
  canEdit: boolean;
  onApply: (payload: BoardChangePayload) => void;
}) {
  const [name, setName] = useState("");
  const [pending, setPending] = useState(false);
  const add = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return;
    setPending(true);
    const result = await createLaneAction(board.id, { name });
    setPending(false);
    if (!result.ok) return toast.error(result.fieldErrors?.name?.[0] ?? result.error);
    onApply({ lanes: [result.data.lane] });
    setName("");
  };
  return (
    <div className="space-y-3">
      <ul className="divide-y divide-border rounded-lg border border-border">
        {board.lanes.map((lane, index) => (
          <LaneRow
            key={`${lane.id}-${lane.version}`}
            boardId={board.id}
            lane={lane}
            index={index}
            count={board.lanes.length}
            canEdit={canEdit}
            onApply={onApply}
          />
        ))}
      </ul>
      {canEdit && board.lanes.length < BOARD_LIMITS.lanes ? (
        <form onSubmit={add} className="flex gap-2">
          <label htmlFor="lane-new" className="sr-only">
            New lane name
          </label>
          <Input
            id="lane-new"
            placeholder="New lane, e.g. Expedite"
            value={name}
            maxLength={BOARD_LIMITS.laneName}
            onChange={(e) => setName(e.target.value)}
          />
          <Button type="submit" variant="secondary" loading={pending} disabled={!name.trim()}>
            <Plus className="size-4" aria-hidden="true" />
            Add lane
          </Button>
        </form>
      ) : null}
    </div>
  );
}

function LaneRow({
  boardId,
  lane,
  index,
  count,
  canEdit,
  onApply,
}: {
  boardId: string;
  lane: LaneJson;
  index: number;
  count: number;
  canEdit: boolean;
  onApply: (payload: BoardChangePayload) => void;
}) {
  const [name, setName] = useState(lane.name);
  const [limit, setLimit] = useState(lane.wipLimit === null ? "" : String(lane.wipLimit));
  const dirty = name.trim() !== lane.name || limit !== (lane.wipLimit === null ? "" : String(lane.wipLimit));
  const save = async (event: FormEvent) => {
    event.preventDefault();
    const n = limit.trim() === "" ? null : Number(limit);
    if (n !== null && (!Number.isInteger(n) || n < 1))
      return toast.error("A lane's limit is a whole number, or empty.");
    const result = await updateLaneAction(boardId, lane.id, { name, wipLimit: n });
    if (!result.ok) return toast.error(result.fieldErrors?.name?.[0] ?? result.error);
    onApply({ lanes: [result.data.lane] });
  };
  const move = async (to: number) => {
    const result = await moveLaneAction(boardId, lane.id, to);
    if (!result.ok) return toast.error(result.error);
    onApply({ lanes: [result.data.lane] });
  };
  const remove = async () => {
    const result = await deleteLaneAction(boardId, lane.id);
    if (!result.ok) return toast.error(result.error);
    onApply({ removedLaneIds: [lane.id] });
  };
  return (
    <li>
      <form onSubmit={save} className="flex flex-wrap items-center gap-2 px-3 py-2.5">
        <label className="sr-only" htmlFor={`lane-name-${lane.id}`}>
          Lane name
        </label>
        <Input
          id={`lane-name-${lane.id}`}
          value={name}
          disabled={!canEdit}
          maxLength={BOARD_LIMITS.laneName}
          className="h-8 min-w-0 flex-1"
          onChange={(e) => setName(e.target.value)}
        />
        <label className="sr-only" htmlFor={`lane-limit-${lane.id}`}>
          Card limit per column in {lane.name}
        </label>
        <Input
          id={`lane-limit-${lane.id}`}
          inputMode="numeric"
          placeholder="No limit"
          value={limit}
          disabled={!canEdit}
          className="h-8 w-24"
          onChange={(e) => setLimit(e.target.value)}
        />
        {canEdit ? (
          <span className="flex gap-1">
            <Button type="submit" size="sm" variant="secondary" disabled={!dirty}>
              Save
            </Button>
            <Button type="button" size="sm" variant="ghost" disabled={index === 0} onClick={() => void move(index - 1)}>
              Up<span className="sr-only"> {lane.name}</span>
            </Button>
            <Button
              type="button"
              size="sm"
              variant="ghost"
              disabled={index === count - 1}
              onClick={() => void move(index + 1)}
            >
              Down<span className="sr-only"> {lane.name}</span>
            </Button>
            <Button
              type="button"
              size="sm"
              variant="ghost"
              className="px-2 text-danger"
              onClick={() => void remove()}
              aria-label={`Delete lane ${lane.name}`}
            >
              <Trash2 className="size-4" aria-hidden="true" />
            </Button>
          </span>
        ) : null}
      </form>
    </li>
  );
}

function LabelSettings({
  board,
  canEdit,
  onApply,
}: {
  board: BoardJson;
  canEdit: boolean;
  onApply: (payload: BoardChangePayload) => void;
}) {
  const [name, setName] = useState("");
  const [color, setColor] = useState<BoardColor>("blue");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const add = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return;
    setPending(true);
    const result = await createLabelAction(board.id, { name, color });
    setPending(false);
    if (!result.ok) return setError(result.fieldErrors?.name?.[0] ?? result.error);
    setError(null);
    onApply({ labels: [result.data.label] });
    setName("");
  };
  return (
    <div className="space-y-4">
      {board.labels.length ? (
        <ul className="divide-y divide-border rounded-lg border border-border">
          {board.labels.map((l) => (
            <LabelRow
              key={`${l.id}-${l.name}-${l.color}`}
              boardId={board.id}
              label={l}
              canEdit={canEdit}
              onApply={onApply}
            />
          ))}
        </ul>
      ) : (
        <p className="text-sm text-muted-foreground">
          No labels yet. Labels mark cards by kind, e.g. Bug, Customer, Urgent.
        </p>
      )}
      {canEdit ? (
        <form onSubmit={add} noValidate className="space-y-3 rounded-lg border border-border p-3">
          <TextField
            id="label-new"
            label="New label"
            value={name}
            maxLength={BOARD_LIMITS.labelName}
            error={error ?? undefined}
            placeholder="Urgent"
            onChange={(e) => setName(e.target.value)}
          />
          <ColorPicker label="Colour" value={color} onChange={(c) => c && setColor(c)} />
          <Button type="submit" variant="secondary" loading={pending} disabled={!name.trim()}>
            <Plus className="size-4" aria-hidden="true" />
            Add label
          </Button>
        </form>
      ) : null}
    </div>
  );
}

function LabelRow({
  boardId,
  label,
  canEdit,
  onApply,
}: {
  boardId: string;
  label: LabelJson;
  canEdit: boolean;
  onApply: (payload: BoardChangePayload) => void;
}) {
  const [name, setName] = useState(label.name);
  const [deleting, setDeleting] = useState(false);
  const save = async (patch: { name?: string; color?: BoardColor }) => {
    const result = await updateLabelAction(boardId, label.id, patch);
    if (!result.ok) {
      setName(label.name);
      return toast.error(result.fieldErrors?.name?.[0] ?? result.error);
    }
    onApply({ labels: [result.data.label] });
  };
  return (
    <li className="flex flex-wrap items-center gap-2 px-3 py-2.5">
      <span className={cn("rounded px-1.5 py-0.5 text-xs font-semibold ring-1 ring-inset", swatch(label.color).chip)}>
        {label.name}
      </span>
      {canEdit ? (
        <>
          <label className="sr-only" htmlFor={`label-name-${label.id}`}>
            Rename {label.name}
          </label>
          <Input
            id={`label-name-${label.id}`}
            value={name}
            maxLength={BOARD_LIMITS.labelName}
            className="h-8 min-w-0 flex-1"
            onChange={(e) => setName(e.target.value)}
            onBlur={() => name.trim() && name.trim() !== label.name && void save({ name })}
            onKeyDown={(e) => {
              if (e.key === "Enter") {
                e.preventDefault();
                if (name.trim() && name.trim() !== label.name) void save({ name });
              }
            }}
          />
          <Select
            label={`Colour of ${label.name}`}
            hideLabel
            size="sm"
            wrapperClassName="w-28"
            value={label.color}
            onChange={(e) => void save({ color: e.target.value as BoardColor })}
            options={BOARD_COLORS.map((c) => ({ value: c, label: BOARD_PALETTE[c].label }))}
          />
          <Button
            type="button"
            size="sm"
            variant="ghost"
            className="px-2 text-danger"
            aria-label={`Delete label ${label.name}`}
            onClick={() => setDeleting(true)}
          >
            <Trash2 className="size-4" aria-hidden="true" />
          </Button>
          <ConfirmDialog
            open={deleting}
            onOpenChange={setDeleting}
            title={`Delete the label ${label.name}?`}
            description="Cards that have it lose it."
            confirmLabel="Delete label"
            variant="danger"
            onConfirm={async () => {
              const result = await deleteLabelAction(boardId, label.id);
              if (!result.ok) return { ok: false, error: result.error };
              onApply({ removedLabelIds: [label.id] });
              return { ok: true };
            }}
          />
        </>
      ) : null}
    </li>
  );
}

function MemberSettings({ board, me, onApply, canManage }: Props & { canManage: boolean }) {
  const [role, setRole] = useState<BoardRole>("editor");
  const [searchError, setSearchError] = useState<string | null>(null);

  const setMember = async (userId: string, next: BoardRole, name: string) => {
    const result = await setBoardMemberAction(board.id, { userId, role: next });
    if (!result.ok) return toast.error(result.fieldErrors?.userId?.[0] ?? result.error);
    onApply({ members: result.data.members });
    toast.success(`${name} is ${next === "owner" ? "an owner" : `a${next === "editor" ? "n" : ""} ${next}`} now.`);
  };
  const remove = async (userId: string, name: string) => {
    const result = await removeBoardMemberAction(board.id, userId);
    if (!result.ok) return toast.error(result.error);
    onApply({ members: result.data.members });
    toast.success(`Removed ${name} from the board.`);
  };

  return (
    <div className="space-y-4">
      <ul className="divide-y divide-border rounded-lg border border-border" data-testid="board-members">
        {board.members.map((m) => (
          <li key={m.userId} className="flex flex-wrap items-center gap-3 px-3 py-2.5">
            <MemberAvatar userId={m.userId} name={m.name} size="md" />
            <span className="min-w-0 flex-1">
              <span className="block truncate text-sm font-medium text-foreground">
                {m.name}
                {m.userId === me.userId ? <span className="text-muted-foreground"> (you)</span> : null}
              </span>
              <span className="block truncate text-xs text-muted-foreground">@{m.username}</span>
            </span>
            {canManage ? (
              <>
                <Select
                  label={`Role of ${m.name}`}
                  hideLabel
                  size="sm"
                  wrapperClassName="w-28"
                  value={m.role}
                  onChange={(e) => void setMember(m.userId, e.target.value as BoardRole, m.name)}
                  options={BOARD_ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
                />
                <Button
                  size="sm"
                  variant="ghost"
                  className="px-2 text-danger"
                  aria-label={`Remove ${m.name}`}
                  onClick={() => void remove(m.userId, m.name)}
                >
                  <Trash2 className="size-4" aria-hidden="true" />
                </Button>
              </>
            ) : (
              <span className="text-xs font-medium text-muted-foreground">{ROLE_LABELS[m.role]}</span>
            )}
          </li>
        ))}
      </ul>
      {canManage ? (
        <div className="space-y-3 rounded-lg border border-border p-3">
          <p className="flex items-center gap-2 text-sm font-medium text-foreground">
            <UserPlus className="size-4 text-muted-foreground" aria-hidden="true" />
            Add someone
          </p>
          <div className="grid gap-3 sm:grid-cols-[minmax(0,1fr)_8rem]">
            <SearchCombobox<MemberCandidate>
              id="member-search"
              label="Name or username"
              placeholder="Search people"
              search={async (q) => {
                const result = await searchMemberCandidatesAction(q);
                if (!result.ok) {
                  setSearchError(result.error);
                  return { error: result.error };
                }
                setSearchError(null);
                const members = new Set(board.members.map((m) => m.userId));
                return result.data.filter((c) => !members.has(c.userId));
              }}
              getKey={(c) => c.userId}
              renderItem={(c) => (
                <span className="min-w-0">
                  <span className="block truncate font-medium">{c.name}</span>
                  <span className="block truncate text-xs text-muted-foreground">@{c.username}</span>
                </span>
              )}
              onPick={(c) => void setMember(c.userId, role, c.name)}
              emptyText="Nobody matches (members already on the board are not shown)."
            />
            <Select
              label="As"
              value={role}
              onChange={(e) => setRole(e.target.value as BoardRole)}
              options={BOARD_ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
            />
          </div>
          {searchError ? <p className="text-sm text-muted-foreground">{searchError}</p> : null}
          <p className="text-xs text-muted-foreground">
            Viewers see the board; editors change its cards, columns and labels; owners also change its settings and
            members.
          </p>
        </div>
      ) : null}
    </div>
  );
}
