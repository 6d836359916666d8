"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { fetchJson } from "@/components/providers/fetch-json";
import type { LiteModel } from "@/lib/models-lite";
import { useFormStore } from "./form-store";
import { firstImageParam, valuesFor, withImage } from "./form-values";
import { generationKeys } from "./query-keys";
import type { GenerationDetail } from "./types";

export type PrefillLink = { modelId?: string; image?: string; parentId?: string };

/**
 * Applies a "take it further" link (?model=&image=&parent=) once the catalog is loaded: selects
 * the model, puts the image in its first image field and the source's prompt in the prompt, so
 * "use as input" opens ready to run. The link's model and image then leave the address, so a
 * reload keeps what was typed since instead of applying the link again.
 */
export function usePrefill(models: readonly LiteModel[], scope: string, link: PrefillLink) {
  const { modelId, image, parentId } = link;
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
    if (parentPrompt && model.params.some((p) => p.name === "prompt")) store.setValue("prompt", parentPrompt);
    const param = firstImageParam(model);
    const next = image ? withImage(model, valuesFor(model, useFormStore.getState().values), image) : null;
    if (next && param) store.setValue(param.name, next[param.name]);
    forgetLink();
  }, [models, scope, modelId, image, parentSettled, parentPrompt]);
}

/** Drops ?model= and ?image= from the address; ?parent= stays, it is still the new job's parent. */
function forgetLink() {
  const url = new URL(window.location.href);
  url.searchParams.delete("model");
  url.searchParams.delete("image");
  window.history.replaceState(window.history.state, "", url);
}
