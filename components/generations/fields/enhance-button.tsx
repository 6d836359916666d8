"use client";
import { WandSparklesIcon } from "lucide-react";
// "Enhance" beside a prompt box: a text model rewrites the prompt with more detail (its
// instructions are the admins' `enhance` system prompt). It is a generation like any other:
// priced before the click, in history after, refunded if it fails. Undo puts the old text back.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { creditsLabel } from "@/components/generations/model-format";
import type { GenerationDetail } from "@/components/generations/types";
import { useToolModels } from "@/components/generations/use-models";
import { fetchJson } from "@/components/providers/fetch-json";
import { Button } from "@/components/ui/button";

const POLL_MS = 700;
const GIVE_UP_MS = 120_000;

async function enhance(model: string, prompt: string): Promise<string> {
  const { id } = await fetchJson<{ id: string }>("/api/generations/create", {
    method: "POST",
    json: { model, input: { task: "enhance", prompt } },
  });
  const deadline = Date.now() + GIVE_UP_MS;
  while (Date.now() < deadline) {
    const item = await fetchJson<GenerationDetail>(`/api/generations/${id}`);
    if (item.status === "completed") {
      const text = item.outputs.find((o) => o.label === "prompt")?.text;
      if (text) return text;
      throw new Error("The answer had no prompt.");
    }
    if (item.status === "failed" || item.status === "canceled")
      throw new Error(item.error ?? "Enhancing failed; the credit was refunded.");
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
  throw new Error("Enhancing is taking too long; try again.");
}

export function EnhanceButton({
  value,
  onChange,
  id,
}: {
  value: string;
  onChange: (v: string) => void;
  id: string;
}) {
  const model = useToolModels("text").data?.[0];
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [previous, setPrevious] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  if (!model) return null;
  const price = creditsLabel(model.price.credits);

  async function run() {
    if (!model) return;
    setBusy(true);
    setError(null);
    try {
      const before = value;
      onChange(await enhance(model.id, value));
      setPrevious(before);
      router.refresh();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="flex flex-wrap items-center gap-2">
      <Button
        type="button"
        size="sm"
        variant="outline"
        disabled={busy || value.trim() === ""}
        aria-describedby={`${id}-enhance-note`}
        onClick={run}
      >
        <WandSparklesIcon /> {busy ? "Enhancing…" : "Enhance"}
      </Button>
      <span id={`${id}-enhance-note`} className="text-muted-foreground text-xs" role="status">
        {error ??
          (previous !== null ? `Enhanced for ${price}.` : `Rewrites the prompt with more detail (${price}).`)}
      </span>
      {previous !== null && !busy ? (
        <Button
          type="button"
          size="sm"
          variant="ghost"
          onClick={() => {
            onChange(previous);
            setPrevious(null);
          }}
        >
          Undo
        </Button>
      ) : null}
    </div>
  );
}
