"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { LoaderCircleIcon, PlusIcon } from "lucide-react";
import { type FormEvent, useId, useState } from "react";
import { ApiError, fetchJson } from "@/components/providers/fetch-json";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { API_KEY_SCOPE_INFO, API_KEY_SCOPES, type ApiKeyScope } from "@/lib/api-keys/scopes";
import { profileKeys } from "../query-keys";
import { ShownOnce } from "../shown-once";

/** Names a new key, picks its scopes, and shows the key once it exists. */
export function CreateKeyForm() {
  const id = useId();
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [scopes, setScopes] = useState<ApiKeyScope[]>(["generate", "read"]);
  const [invalid, setInvalid] = useState<{ field: string; message: string } | null>(null);
  const [created, setCreated] = useState<{ name: string; key: string } | null>(null);

  const create = useMutation({
    mutationFn: (body: { name: string; scopes: ApiKeyScope[] }) =>
      fetchJson<{ id: string; key: string }>("/api/keys", { method: "POST", json: body }),
    onSuccess: (body, variables) => {
      setCreated({ name: variables.name, key: body.key });
      setName("");
      void queryClient.invalidateQueries({ queryKey: profileKeys.apiKeys });
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!name.trim())
      return setInvalid({ field: "name", message: "Give the key a name, e.g. “laptop script”." });
    if (scopes.length === 0) return setInvalid({ field: "scopes", message: "Pick at least one scope." });
    setInvalid(null);
    create.mutate({ name: name.trim(), scopes });
  }

  const toggle = (scope: ApiKeyScope, on: boolean) =>
    setScopes((current) => (on ? [...current, scope] : current.filter((s) => s !== scope)));
  const serverError = create.error instanceof ApiError ? create.error : null;
  const error =
    invalid ?? (create.error ? { field: serverError?.field ?? "", message: create.error.message } : null);

  if (created)
    return (
      <ShownOnce title={`New key “${created.name}”`} value={created.key} onDone={() => setCreated(null)} />
    );
  return (
    <form noValidate onSubmit={submit} className="flex flex-col gap-4" aria-label="Create an API key">
      <div className="flex flex-col gap-2">
        <Label htmlFor={`${id}-name`}>Key name</Label>
        <Input
          id={`${id}-name`}
          value={name}
          maxLength={100}
          autoComplete="off"
          placeholder="Laptop script"
          aria-invalid={error?.field === "name" || undefined}
          onChange={(event) => setName(event.target.value)}
        />
      </div>
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-2 font-medium text-sm">Scopes</legend>
        {API_KEY_SCOPES.map((scope) => (
          <label key={scope} className="flex cursor-pointer items-start gap-3 rounded-md border p-3 text-sm">
            <input
              type="checkbox"
              className="mt-0.5 size-4 accent-brand"
              checked={scopes.includes(scope)}
              onChange={(event) => toggle(scope, event.target.checked)}
            />
            <span className="flex flex-col gap-0.5">
              <span className="font-medium">
                {API_KEY_SCOPE_INFO[scope].label}{" "}
                <code className="text-muted-foreground text-xs">{scope}</code>
              </span>
              <span className="text-muted-foreground">{API_KEY_SCOPE_INFO[scope].description}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {error ? <FormMessage>{error.message}</FormMessage> : null}
      <Button type="submit" className="self-start" disabled={create.isPending}>
        {create.isPending ? <LoaderCircleIcon className="animate-spin" /> : <PlusIcon />}
        Create key
      </Button>
    </form>
  );
}
