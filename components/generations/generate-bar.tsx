"use client";

import { LoaderCircleIcon, SparklesIcon } from "lucide-react";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { CreditsLink } from "./credits-link";
import { creditsLabel } from "./model-format";
import type { PriceEstimate } from "./use-price-estimate";

export const GENERATE_PROBLEM_ID = "generate-problem";
const SHORT_ID = "generate-short";

/**
 * The price and the Generate button, kept on screen at the bottom of a long form, with what
 * stands in the way (too few credits, an error) or what just happened right beside the button.
 */
export function GenerateBar({
  price,
  priceNote,
  balance,
  pending,
  problem,
  paymentProblem,
  started,
  label = "Generate",
}: {
  price: PriceEstimate;
  /** The model's list price, "5 credits per image". */
  priceNote: string;
  balance: number | null;
  pending: boolean;
  problem: string | null;
  /** The problem is about credits: offer the way to get more. */
  paymentProblem: boolean;
  /** Shown after a job was accepted: a link to follow it. */
  started: ReactNode;
  /** The button's words ("Inpaint", "Upscale"…). */
  label?: string;
}) {
  const short = price !== null && balance !== null && price.credits > balance;
  return (
    <div className="-mx-4 sticky bottom-0 z-10 flex flex-col gap-3 border-t bg-background/95 px-4 pt-3 pb-[max(0.75rem,env(safe-area-inset-bottom))] backdrop-blur supports-[backdrop-filter]:bg-background/85 sm:mx-0 sm:px-0">
      {problem ? (
        // Focused after a failed submit, so the message is where the person's attention is.
        <div
          id={GENERATE_PROBLEM_ID}
          tabIndex={-1}
          className="rounded-md outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50"
        >
          <FormMessage>
            {problem}
            {paymentProblem ? <CreditsLink /> : null}
          </FormMessage>
        </div>
      ) : null}
      {short && !problem ? (
        <FormMessage id={SHORT_ID} tone="info">
          {`Not enough credits: this costs ${creditsLabel(price.credits)} and you have ${creditsLabel(balance)}.`}
          <CreditsLink />
        </FormMessage>
      ) : null}
      {started && !problem ? (
        <p role="status" className="text-muted-foreground text-sm">
          {started}
        </p>
      ) : null}
      <div className="flex flex-col gap-2 sm:flex-row sm:items-center sm:justify-between">
        <p className="text-muted-foreground text-sm">
          {price ? (
            <>
              <span className="font-medium text-foreground">{creditsLabel(price.credits)}</span>
              {` (${priceNote})`}
            </>
          ) : (
            priceNote
          )}
        </p>
        <Button
          type="submit"
          variant="brand"
          size="lg"
          disabled={pending || short}
          aria-describedby={short ? SHORT_ID : undefined}
          aria-keyshortcuts="Control+Enter Meta+Enter"
          className="w-full sm:w-auto"
        >
          {pending ? <LoaderCircleIcon aria-hidden className="animate-spin" /> : <SparklesIcon aria-hidden />}
          {label}
        </Button>
      </div>
    </div>
  );
}
