"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { fetchJson } from "@/components/providers/fetch-json";
import type { LiteModel } from "@/lib/models-lite";
import type { FormValues } from "./form-store";
import { missingFields, toInput } from "./form-values";
import { estimateCredits } from "./model-format";

/** The price in credits, and whether it is the server's exact figure or a local estimate. */
export type PriceEstimate = { credits: number; exact: boolean } | null;

/**
 * The exact price of the current form (POST /api/generations/estimate, what create charges),
 * falling back to a local estimate while it loads or when the form is not complete yet.
 * Text never changes a price, so typing a prompt does not trigger requests.
 */
export function usePriceEstimate(model: LiteModel, values: FormValues): PriceEstimate {
  const input = toInput(model, values);
  for (const param of model.params)
    if (param.type === "string" && (param.required || param.name in input)) input[param.name] = "x";
  // Model and input debounce together, so a request never pairs one model with another's input.
  const key = JSON.stringify([model.id, input]);
  const [debounced, setDebounced] = useState(key);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(key), 300);
    return () => clearTimeout(timer);
  }, [key]);

  // A form missing a required image cannot be priced by the server yet; skip the doomed request.
  const [debouncedModel, debouncedInput] = JSON.parse(debounced) as [string, FormValues];
  const complete =
    debouncedModel === model.id && Object.keys(missingFields(model, debouncedInput)).length === 0;
  const estimate = useQuery({
    queryKey: ["estimate", debounced],
    queryFn: ({ signal }) =>
      fetchJson<{ credits: number }>("/api/generations/estimate", {
        method: "POST",
        json: { model: debouncedModel, input: debouncedInput },
        signal,
      }),
    enabled: complete,
    staleTime: 60_000,
    retry: false,
    placeholderData: keepPreviousData,
  });
  const fresh =
    complete && estimate.data && !estimate.isPlaceholderData && debounced === key && !estimate.isError;
  if (fresh) return { credits: estimate.data.credits, exact: true };
  const local = estimateCredits(model, values);
  return local === null ? null : { credits: local, exact: false };
}
