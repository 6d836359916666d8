"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { LoaderCircleIcon, SparklesIcon, XIcon } from "lucide-react";
import { type FormEvent, type KeyboardEvent, type RefObject, useEffect, useState } from "react";
import { firstImageParam } from "@/components/generations/form-values";
import { useModels } from "@/components/generations/use-models";
import { fetchJson } from "@/components/providers/fetch-json";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { modelsForTool } from "@/lib/models/tools";
import type { LiteModel } from "@/lib/models-lite";
import { sessionKeys } from "./use-sessions";

export type IterateFrom = {
  id: string;
  imageUrl: string;
  thumbnailUrl: string | null;
  prompt: string | null;
};

/**
 * The model to use: the one picked if it fits; from scratch the quick default; iterating, one
 * that edits images (it has an image field for the output being iterated on).
 */
function modelFor(models: LiteModel[], current: string, iterating: boolean): string {
  const usable = iterating ? models.filter((m) => firstImageParam(m)) : models;
  if (usable.some((m) => m.id === current)) return current;
  const preferred = iterating
    ? modelsForTool(usable, "edit")[0]
    : usable.find((m) => m.id === "flux-schnell");
  return preferred?.id ?? usable[0]?.id ?? "";
}

/**
 * The prompt box of a session: generates into it, from scratch or from one of its outputs.
 * Cmd/Ctrl+Enter submits.
 */
export function SessionComposer({
  sessionId,
  from,
  onClearFrom,
  promptRef,
}: {
  sessionId: string;
  from: IterateFrom | null;
  onClearFrom: () => void;
  promptRef: RefObject<HTMLTextAreaElement | null>;
}) {
  const models = useModels("image");
  // A pick for each way of generating: after an iteration, the next prompt from scratch goes
  // back to the model picked for that, not on with the (dearer) editing model.
  const [picked, setPicked] = useState({ scratch: "", iterate: "" });
  const mode = from ? "iterate" : "scratch";
  const [prompt, setPrompt] = useState("");
  const client = useQueryClient();
  const list = models.data ?? [];
  const chosen = modelFor(list, picked[mode], from !== null);
  const setModel = (id: string) => setPicked((current) => ({ ...current, [mode]: id }));
  useEffect(() => {
    if (chosen && chosen !== picked[mode]) setPicked((current) => ({ ...current, [mode]: chosen }));
  }, [chosen, picked, mode]);

  const create = useMutation({
    mutationFn: () => {
      const definition = list.find((m) => m.id === chosen);
      const input: Record<string, unknown> = { prompt: prompt.trim() };
      const field = definition ? firstImageParam(definition) : undefined;
      if (from && field) input[field.name] = field.control === "images" ? [from.imageUrl] : from.imageUrl;
      return fetchJson<{ id: string }>("/api/generations/create", {
        method: "POST",
        json: { model: chosen, input, session_id: sessionId, ...(from && { parent_generation_id: from.id }) },
      });
    },
    onSuccess: () => {
      setPrompt("");
      onClearFrom();
      void client.invalidateQueries({ queryKey: sessionKeys.detail(sessionId) });
      void client.invalidateQueries({ queryKey: ["generations"] });
    },
  });
  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (prompt.trim() && chosen && !create.isPending) create.mutate();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Enter" && (event.metaKey || event.ctrlKey)) submit();
  };

  return (
    <form
      onSubmit={submit}
      onKeyDown={onKeyDown}
      className="flex flex-col gap-3 rounded-xl border bg-card p-4"
      aria-label="Generate in this session"
    >
      {from ? (
        <div className="flex items-center gap-3 rounded-lg bg-muted p-2" data-testid="iterate-from">
          {from.thumbnailUrl ? (
            // biome-ignore lint/performance/noImgElement: signed URLs, no image optimiser needed.
            <img src={from.thumbnailUrl} alt="" className="size-12 rounded-md object-cover" />
          ) : null}
          <p className="min-w-0 flex-1 text-sm">
            <span className="font-medium">Iterating from</span>{" "}
            <span className="line-clamp-1 text-muted-foreground">{from.prompt ?? "this output"}</span>
          </p>
          <Button
            type="button"
            size="icon"
            variant="ghost"
            aria-label="Start from scratch instead"
            onClick={onClearFrom}
          >
            <XIcon aria-hidden />
          </Button>
        </div>
      ) : null}
      <label htmlFor="session-prompt" className="font-medium text-sm">
        {from ? "What should change?" : "Prompt"}
      </label>
      <textarea
        id="session-prompt"
        ref={promptRef}
        value={prompt}
        onChange={(event) => setPrompt(event.target.value)}
        rows={3}
        maxLength={4000}
        placeholder={from ? "e.g. make it night, add snow" : "Describe what to make"}
        className="w-full resize-y rounded-md border border-input bg-transparent px-3 py-2 text-base shadow-xs outline-none focus-visible:border-ring focus-visible:ring-[3px] focus-visible:ring-ring/40 md:text-sm"
      />
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor="session-model" className="sr-only">
          Model
        </label>
        <select
          id="session-model"
          className="h-10 min-w-0 flex-1 rounded-md border bg-background px-2 text-sm sm:flex-none"
          value={chosen}
          onChange={(event) => setModel(event.target.value)}
        >
          {models.isPending ? <option value="">Loading models…</option> : null}
          {(from ? list.filter((m) => firstImageParam(m)) : list).map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </select>
        <span className="hidden text-muted-foreground text-xs sm:inline">⌘/Ctrl + Enter</span>
        <Button
          type="submit"
          variant="brand"
          className="ml-auto"
          disabled={!prompt.trim() || !chosen || create.isPending}
        >
          {create.isPending ? (
            <LoaderCircleIcon aria-hidden className="animate-spin" />
          ) : (
            <SparklesIcon aria-hidden />
          )}
          Generate
        </Button>
      </div>
      {create.error ? <FormMessage>{create.error.message}</FormMessage> : null}
    </form>
  );
}
