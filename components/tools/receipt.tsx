import { creditsLabel } from "@/components/generations/model-format";
import type { GenerationDetail } from "@/components/generations/types";

/** What a finished run cost: charged, or charged and refunded. */
export function Receipt({ item }: { item: GenerationDetail }) {
  const { charged_credits: charged, refunded } = item.receipt;
  return (
    <p className="text-muted-foreground text-sm" data-testid="receipt">
      {refunded
        ? `Refunded: the ${creditsLabel(charged)} charged went back to your balance.`
        : item.status === "completed"
          ? `Receipt: ${creditsLabel(charged)} charged.`
          : `Reserved ${creditsLabel(charged)}; charged when it finishes, refunded if it fails.`}
    </p>
  );
}
