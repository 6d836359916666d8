"use client";

import { RotateCcwIcon } from "lucide-react";
import { Button } from "@/components/ui/button";
import { FocusedError } from "./focused-error";
import { creditsLabel } from "./model-format";
import type { GenerationDetail } from "./types";
import { useRetryGeneration, useRetryPrice } from "./use-generation-actions";

/**
 * "Try again" on a failed generation: first the price of a new try, then, once confirmed, a
 * new generation with the same inputs. Errors appear here, beside the button, and take focus.
 */
export function RetryAction({ item }: { item: GenerationDetail }) {
  const price = useRetryPrice();
  const retry = useRetryGeneration();
  const error = retry.error ?? price.error;

  const credits = price.data?.credits;
  return (
    <div className="flex flex-col gap-2">
      {credits === undefined ? (
        <Button variant="brand" disabled={price.isPending} onClick={() => price.mutate(item)}>
          <RotateCcwIcon /> {price.isPending ? "Checking the price…" : "Try again"}
        </Button>
      ) : (
        <div className="flex flex-wrap items-center gap-2">
          <Button variant="brand" disabled={retry.isPending} onClick={() => retry.mutate(item)}>
            <RotateCcwIcon /> {retry.isPending ? "Starting…" : `Try again for ${creditsLabel(credits)}`}
          </Button>
          <Button variant="ghost" disabled={retry.isPending} onClick={() => price.reset()}>
            Not now
          </Button>
        </div>
      )}
      {credits !== undefined && !error ? (
        <p role="status" className="text-muted-foreground text-sm">
          Same model and inputs, charged again. Refunded if it fails again.
        </p>
      ) : null}
      <FocusedError error={error} />
    </div>
  );
}
