"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { BookmarkPlusIcon, EyeIcon, LoaderCircleIcon } from "lucide-react";
import Link from "next/link";
import { type FormEvent, useState } from "react";
import { relativeTime } from "@/components/notifications/relative-time";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { flowKeys, flowsApi } from "../api";

/** Named versions: save the flow as it is now, and open any saved one read-only. */
export function VersionsList({ flowId, beforeSave }: { flowId: string; beforeSave: () => Promise<boolean> }) {
  const client = useQueryClient();
  const [name, setName] = useState("");
  const versions = useQuery({
    queryKey: flowKeys.versions(flowId),
    queryFn: ({ signal }) => flowsApi.versions(flowId, signal),
  });
  const save = useMutation({
    mutationFn: async (label: string) => {
      if (!(await beforeSave())) throw new Error("The flow could not be saved.");
      return flowsApi.saveVersion(flowId, label);
    },
    onSuccess: () => {
      setName("");
      void client.invalidateQueries({ queryKey: flowKeys.versions(flowId) });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim()) save.mutate(name.trim());
  };
  return (
    <div className="flex flex-col gap-3">
      <form onSubmit={submit} className="flex gap-2">
        <Input
          aria-label="Version name"
          placeholder="e.g. Moody lighting"
          value={name}
          maxLength={100}
          onChange={(event) => setName(event.target.value)}
          className="h-9"
        />
        <Button type="submit" size="sm" className="h-9" disabled={!name.trim() || save.isPending}>
          <BookmarkPlusIcon aria-hidden />
          Save
        </Button>
      </form>
      {save.isError ? <p className="text-destructive text-sm">{save.error.message}</p> : null}
      {versions.isPending ? (
        <div className="flex justify-center py-4" aria-busy="true">
          <LoaderCircleIcon aria-hidden className="size-5 animate-spin text-muted-foreground" />
        </div>
      ) : versions.isError ? (
        <p className="text-destructive text-sm">{versions.error.message}</p>
      ) : versions.data.length === 0 ? (
        <p className="text-muted-foreground text-sm">
          No saved versions. Runs keep the version they ran either way.
        </p>
      ) : (
        <ul className="flex flex-col divide-y rounded-lg border">
          {versions.data.map((version) => (
            <li key={version.id} className="flex items-center gap-2 px-3 py-2 text-sm">
              <span className="min-w-0 flex-1 truncate font-medium">{version.name ?? "Unnamed version"}</span>
              <span className="shrink-0 text-muted-foreground text-xs">
                {relativeTime(version.created_at)}
              </span>
              <Link
                href={`/flows/${flowId}?version=${version.id}`}
                className="rounded p-1 text-muted-foreground outline-none hover:text-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50"
                aria-label={`Open ${version.name ?? "this version"}`}
              >
                <EyeIcon aria-hidden className="size-4" />
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
