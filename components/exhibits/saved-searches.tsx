"use client";

import { useActionState } from "react";
import Link from "next/link";
import { Bookmark, ChevronDown, Save, Trash2, Users } from "lucide-react";
import type { ActionState } from "@/lib/action-state";
import { IDLE } from "@/lib/action-state";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuLabel, DropdownMenuSeparator, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";

type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;
export type SavedSearchLink = { id: string; name: string; href: string; mine: boolean; shared: boolean; ownerName: string };

// One click runs a saved search: each item is a link to the exhibits page with its query and filters.
export function SavedSearchesMenu({ searches }: { searches: SavedSearchLink[] }) {
  const mine = searches.filter((s) => s.mine);
  const team = searches.filter((s) => !s.mine);
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="outline" data-testid="saved-searches-menu">
          <Bookmark aria-hidden /> Saved searches <ChevronDown aria-hidden />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="start" className="max-w-sm">
        {searches.length === 0 && <DropdownMenuLabel>None yet: search, then “Save this search”.</DropdownMenuLabel>}
        {mine.length > 0 && <DropdownMenuLabel>Yours</DropdownMenuLabel>}
        {mine.map((s) => (
          <DropdownMenuItem key={s.id} asChild>
            <Link href={s.href} data-testid="saved-search-item">
              {s.shared ? <Users aria-label="Shared with the team" /> : <Bookmark aria-hidden />}
              <span className="truncate">{s.name}</span>
            </Link>
          </DropdownMenuItem>
        ))}
        {mine.length > 0 && team.length > 0 && <DropdownMenuSeparator />}
        {team.length > 0 && <DropdownMenuLabel>Shared by the team</DropdownMenuLabel>}
        {team.map((s) => (
          <DropdownMenuItem key={s.id} asChild>
            <Link href={s.href} data-testid="saved-search-item">
              <Users aria-hidden />
              <span className="truncate">{s.name}</span>
              <span className="ml-auto text-xs text-muted-foreground">{s.ownerName}</span>
            </Link>
          </DropdownMenuItem>
        ))}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}

// Saves the page's current query and filters (sent as hidden fields) under a name.
export function SaveSearchForm({ action, filters }: { action: Action; filters: Record<string, string> }) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const errors = state.status === "error" ? state.fieldErrors : {};
  const v = state.status === "error" ? state.values : {};
  const filterErrors = Object.entries(errors)
    .filter(([k]) => k !== "name" && k !== "shared")
    .flatMap(([, m]) => m);
  return (
    <form key={state.status === "error" ? state.attempt : state.status} action={formAction} className="flex flex-wrap items-end gap-2" noValidate data-testid="save-search-form">
      {Object.entries(filters).map(([k, value]) => (
        <input key={k} type="hidden" name={k} value={value} />
      ))}
      <Field label="Save this search as" htmlFor="saved-search-name" error={errors.name} className="w-64">
        <Input id="saved-search-name" name="name" defaultValue={v.name} maxLength={100} placeholder="e.g. Umeng transfers" />
      </Field>
      <label className="flex h-9 items-center gap-2 text-sm">
        <Checkbox name="shared" defaultChecked={v.shared === "on"} /> Share with the team
      </label>
      <Button type="submit" variant="outline" disabled={pending}>
        <Save aria-hidden /> {pending ? "Saving…" : "Save"}
      </Button>
      {(filterErrors.length > 0 || (state.status === "error" && Object.keys(errors).length === 0)) && (
        <p role="alert" className="basis-full text-sm text-destructive">
          {filterErrors.length > 0 ? filterErrors.join(" ") : state.status === "error" ? state.message : null}
        </p>
      )}
    </form>
  );
}

export function DeleteSavedSearchButton({ action, savedSearchId, name }: { action: Action; savedSearchId: string; name: string }) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  return (
    <form action={formAction} className="inline-flex items-center gap-2">
      <input type="hidden" name="savedSearchId" value={savedSearchId} />
      <Button type="submit" variant="ghost" size="sm" disabled={pending} aria-label={`Delete saved search ${name}`}>
        <Trash2 aria-hidden /> Delete
      </Button>
      {state.status === "error" && <span className="text-sm text-destructive">{state.message}</span>}
    </form>
  );
}
