"use client";

import { useActionState } from "react";
import { Tag, X } from "lucide-react";
import type { ActionState } from "@/lib/action-state";
import { IDLE } from "@/lib/action-state";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";

type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;
export type TagChip = { id: string; label: string; page: number | null; kind: "count" | "element" | "tag" };
export type IssueChoice = { ref: string; kind: "count" | "element" | "tag"; label: string };

const KIND_WORD = { count: "Count", element: "Element", tag: "Tag" } as const;

function RemoveTag({ chip, action }: { chip: TagChip; action: Action }) {
  const [, formAction, pending] = useActionState(action, IDLE);
  return (
    <form action={formAction} className="inline-flex">
      <input type="hidden" name="exhibitTagId" value={chip.id} />
      <Button type="submit" variant="ghost" size="icon" className="size-5" disabled={pending} aria-label={`Remove ${chip.label}${chip.page ? ` from page ${chip.page}` : ""}`}>
        <X aria-hidden />
      </Button>
    </form>
  );
}

// The issues an exhibit bears, as chips (a page's chip names its page), with a form to add one:
// a count, element or tag from the matter's list, or a new tag typed by name.
export function ExhibitTags({ chips, issues, pageCount, canTag, tagAction, untagAction }: { chips: TagChip[]; issues: IssueChoice[]; pageCount: number | null; canTag: boolean; tagAction: Action; untagAction: Action }) {
  const [state, formAction, pending] = useActionState(tagAction, IDLE);
  const errors = state.status === "error" ? state.fieldErrors : {};
  const v = state.status === "error" ? state.values : {};
  const groups = (["count", "element", "tag"] as const).map((kind) => [kind, issues.filter((i) => i.kind === kind)] as const).filter(([, list]) => list.length > 0);
  return (
    <div className="grid gap-3">
      {chips.length === 0 ? (
        <p className="text-sm text-muted-foreground">No issues tagged yet.</p>
      ) : (
        <ul className="flex flex-wrap gap-2" aria-label="Issue tags">
          {chips.map((c) => (
            <li key={c.id} data-testid="tag-chip">
              <Badge variant="outline" className="max-w-full gap-1 py-0 pr-0.5 whitespace-normal" title={`${KIND_WORD[c.kind]}: ${c.label}`}>
                <Tag aria-hidden />
                <span>{c.label}</span>
                {c.page && <span className="font-mono text-muted-foreground">p. {c.page}</span>}
                {canTag && <RemoveTag chip={c} action={untagAction} />}
              </Badge>
            </li>
          ))}
        </ul>
      )}
      {canTag && (
        <form key={state.status === "error" ? state.attempt : state.status} action={formAction} className="grid gap-2 rounded-md border p-3" noValidate data-print="hide">
          <div className="flex flex-wrap items-end gap-2">
            <Field label="Issue" htmlFor="tag-issue" error={errors.issue} className="min-w-48 flex-1">
              <Select id="tag-issue" name="issue" defaultValue={v.issue ?? ""}>
                <option value="">— or type a new tag —</option>
                {groups.map(([kind, list]) => (
                  <optgroup key={kind} label={kind === "count" ? "Counts" : kind === "element" ? "Elements" : "Tags"}>
                    {list.map((i) => (
                      <option key={i.ref} value={i.ref}>
                        {i.label}
                      </option>
                    ))}
                  </optgroup>
                ))}
              </Select>
            </Field>
            <Field label="New tag" htmlFor="tag-name" error={errors.name} className="w-40">
              <Input id="tag-name" name="name" defaultValue={v.name} maxLength={60} placeholder="e.g. Hot doc" />
            </Field>
            <Field label="Page" htmlFor="tag-page" error={errors.page} className="w-24">
              <Input id="tag-page" name="page" type="number" min={1} max={pageCount ?? undefined} defaultValue={v.page} placeholder="All" />
            </Field>
            <Button type="submit" size="sm" disabled={pending}>
              <Tag aria-hidden /> {pending ? "Tagging…" : "Tag"}
            </Button>
          </div>
          {state.status !== "idle" && Object.keys(errors).length === 0 && (
            <p role="status" className={state.status === "error" ? "text-sm text-destructive" : "text-sm text-muted-foreground"}>
              {state.message}
            </p>
          )}
        </form>
      )}
    </div>
  );
}
