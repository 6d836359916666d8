"use client";
// A text generation's outputs as people use them: a description to read, prompts to take to
// the create form in one click.
import { ArrowRightIcon } from "lucide-react";
import Link from "next/link";
import type { GenerationOutput } from "@/components/generations/types";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";

export const createHref = (prompt: string) => `/create?${new URLSearchParams({ prompt })}`;

export function TextOutputs({ outputs }: { outputs: GenerationOutput[] }) {
  return (
    <div className="flex flex-col gap-4">
      {outputs.map((output, index) => {
        const text = output.text ?? "";
        if (output.label === "description")
          return (
            <section
              key={`${output.label}-${text}`}
              className="flex flex-col gap-1"
              data-testid="description"
            >
              <h2 className="font-medium text-sm">Description</h2>
              <p className="text-pretty">{text}</p>
            </section>
          );
        return (
          <section
            key={`${output.label}-${text}`}
            className="flex flex-col gap-2 rounded-lg border p-3"
            data-testid={`text-${output.label}`}
          >
            <h2 className="font-medium text-sm">
              {output.label === "idea" ? `Idea ${index + 1}` : "Prompt"}
            </h2>
            <p className="text-pretty">{text}</p>
            {output.label !== "text" ? (
              <div className="flex flex-wrap gap-2">
                <Button asChild size="sm" variant="secondary">
                  <Link href={createHref(text)}>
                    {output.label === "idea" ? "Create" : "Use this prompt"} <ArrowRightIcon />
                  </Link>
                </Button>
                <CopyButton value={text} size="sm" variant="ghost" />
              </div>
            ) : null}
          </section>
        );
      })}
    </div>
  );
}
