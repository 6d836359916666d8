"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { LoaderCircleIcon, PlusIcon } from "lucide-react";
import { type FormEvent, useState } from "react";
import { fetchJson } from "@/components/providers/fetch-json";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "../fields";
import { adminKeys } from "../query-keys";
import { KEY_PROVIDERS, type KeyProvider, type ProviderKey } from "./types";

export function AddKeyForm() {
  const queryClient = useQueryClient();
  const [provider, setProvider] = useState<KeyProvider>("replicate");
  const [label, setLabel] = useState("");
  const [secret, setSecret] = useState("");
  const [invalid, setInvalid] = useState<string | null>(null);
  const [added, setAdded] = useState<string | null>(null);

  const add = useMutation({
    mutationFn: (body: { provider: KeyProvider; label: string; secret: string }) =>
      fetchJson<ProviderKey>("/api/admin/keys", { method: "POST", json: body }),
    onSuccess: (key) => {
      setAdded(`Added “${key.label ?? label}”. The secret will not be shown again.`);
      setLabel("");
      void queryClient.invalidateQueries({ queryKey: adminKeys.keys });
    },
    // The secret leaves the page's state whatever the outcome: it is never kept around.
    onSettled: () => setSecret(""),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    setAdded(null);
    if (!label.trim()) return setInvalid("Give the key a label, e.g. “team account”.");
    if (secret.trim().length < 8) return setInvalid("Paste the full API key.");
    setInvalid(null);
    add.mutate({ provider, label: label.trim(), secret: secret.trim() });
  }

  const error = invalid ?? (add.error ? `${add.error.message} Paste the key again to retry.` : null);
  return (
    <Card>
      <CardHeader>
        <CardTitle className="text-base">Add a key</CardTitle>
        <CardDescription>It joins the rotation at once.</CardDescription>
      </CardHeader>
      <CardContent>
        <form noValidate onSubmit={submit} className="flex flex-col gap-3" autoComplete="off">
          <div className="flex flex-col gap-2">
            <Label htmlFor="key-provider">Provider</Label>
            <NativeSelect
              id="key-provider"
              value={provider}
              onChange={(event) => setProvider(event.target.value as KeyProvider)}
            >
              {KEY_PROVIDERS.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.label}
                </option>
              ))}
            </NativeSelect>
          </div>
          <div className="flex flex-col gap-2">
            <Label htmlFor="key-label">Label</Label>
            <Input
              id="key-label"
              value={label}
              maxLength={100}
              onChange={(event) => setLabel(event.target.value)}
              placeholder="Team account"
            />
          </div>
          <div className="flex flex-col gap-2">
            <Label htmlFor="key-secret">Secret</Label>
            <Input
              id="key-secret"
              type="password"
              value={secret}
              onChange={(event) => setSecret(event.target.value)}
              autoComplete="new-password"
              spellCheck={false}
              placeholder="Paste the API key"
            />
          </div>
          {error ? <FormMessage>{error}</FormMessage> : null}
          {added ? <FormMessage tone="info">{added}</FormMessage> : null}
          <Button type="submit" disabled={add.isPending}>
            {add.isPending ? <LoaderCircleIcon className="animate-spin" /> : <PlusIcon />}
            Add key
          </Button>
        </form>
      </CardContent>
    </Card>
  );
}
