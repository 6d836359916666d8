"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { fetchJson } from "@/components/providers/fetch-json";
import type { LiteModel } from "@/lib/models-lite";
import { useFormStore } from "./form-store";
import { firstImageParam, valuesFor, withImage } from "./form-values";
import { generationKeys } from "./query-keys";
import type { GenerationDetail } from "./types";

export type PrefillLink = { modelId?: string; image?: string; parentId?: string; prompt?: string };

/**
 * Applies a "take it further" link (?model=&image=&parent=&prompt=) once the catalog is loaded:
 * selects the model (or, for an image alone, the chosen model if it takes one, else the first
 * that does), puts the image in its first image field and the prompt (the link's, else the
 * source's) in the prompt, so the form opens ready to run. The link then leaves the address, so
 * a reload keeps what was typed since instead of applying the link again.
 */
export function usePrefill(models: readonly LiteModel[], scope: string, link: PrefillLink) {
  const { image, parentId, prompt } = link;
  const selectedId = useFormStore((state) => state.selected[scope]);
  const takesImage = (m: LiteModel | undefined) => (m && firstImageParam(m) ? m : undefined);
  const modelId =
    link.modelId ??
    (image
      ? (takesImage(models.find((m) => m.id === selectedId)) ?? models.find((m) => firstImageParam(m)))?.id
      : prompt
        ? (selectedId ?? models[0]?.id)
        : undefined);
  // The result page has the source in the cache already; otherwise one request.
  const parent = useQuery({
    queryKey: generationKeys.detail(parentId ?? ""),
    queryFn: ({ signal }) => fetchJson<GenerationDetail>(`/api/generations/${parentId}`, { signal }),
    enabled: Boolean(modelId && parentId),
    staleTime: 60_000,
    retry: false,
  });
  const parentSettled = !parentId || !parent.isPending;
  const parentPrompt = parent.data?.prompt ?? null;
  const applied = useRef(false);

  useEffect(() => {
    if (!modelId || applied.current || !parentSettled) return;
    const model = models.find((m) => m.id === modelId);
    if (!model) return;
    applied.current = true;
    const store = useFormStore.getState();
    store.select(scope, model);
    const text = prompt ?? parentPrompt;
    if (text && model.params.some((p) => p.name === "prompt")) store.setValue("prompt", text);
    const param = firstImageParam(model);
    const next = image ? withImage(model, valuesFor(model, useFormStore.getState().values), image) : null;
    if (next && param) store.setValue(param.name, next[param.name]);
    forgetLink();
  }, [models, scope, modelId, image, parentSettled, parentPrompt, prompt]);
}

/** Drops ?model= and ?image= from the address; ?parent= stays, it is still the new job's parent. */
function forgetLink() {
  const url = new URL(window.location.href);
  url.searchParams.delete("model");
  url.searchParams.delete("image");
  url.searchParams.delete("prompt");
  window.history.replaceState(window.history.state, "", url);
}
