"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { flowKeys } from "./api";

/** The flow's name, edited in place; saved when the field is left or Enter is pressed. */
export function FlowName({
  name,
  readOnly,
  onRename,
}: {
  name: string;
  readOnly: boolean;
  onRename: (name: string) => Promise<boolean>;
}) {
  const client = useQueryClient();
  const [value, setValue] = useState(name);
  const [saved, setSaved] = useState(name);
  useEffect(() => {
    setValue(name);
    setSaved(name);
  }, [name]);
  const rename = useMutation({
    mutationFn: async (next: string) => {
      if (!(await onRename(next))) throw new Error("The name could not be saved.");
    },
    onSuccess: (_data, next) => {
      setSaved(next);
      void client.invalidateQueries({ queryKey: flowKeys.list });
    },
    onError: () => setValue(saved),
  });
  const commit = () => {
    const next = value.trim();
    if (!next) return setValue(saved);
    if (next !== saved) rename.mutate(next);
  };
  return (
    <>
      <h1 className="sr-only">{saved}</h1>
      <input
        aria-label="Flow name"
        value={value}
        readOnly={readOnly}
        maxLength={100}
        onChange={(event) => setValue(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === "Enter") event.currentTarget.blur();
          if (event.key === "Escape") {
            setValue(saved);
            event.currentTarget.blur();
          }
        }}
        className="h-8 w-full min-w-0 max-w-72 truncate rounded-md border border-transparent bg-transparent px-2 font-semibold text-sm outline-none transition-colors hover:border-input focus-visible:border-ring focus-visible:bg-background focus-visible:ring-[3px] focus-visible:ring-ring/40"
      />
    </>
  );
}
