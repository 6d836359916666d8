"use client";

import { LoaderCircleIcon, PlayIcon } from "lucide-react";
import type { FormEvent } from "react";
import { ParamField } from "@/components/generations/fields/param-field";
import { creditsLabel } from "@/components/generations/model-format";
import { Button } from "@/components/ui/button";
import type { ResolvedInput } from "@/lib/flows/graph";
import { descriptorOf } from "../form/input-descriptor";
import { ImageInput } from "./image-input";

export type FormValues = Record<string, unknown>;

/** The flow's inputs as a form, in the order its owner arranged them, with the price on Run. */
export function SimpleForm({
  inputs,
  values,
  previews,
  errors,
  price,
  running,
  starting,
  onChange,
  onSubmit,
}: {
  inputs: readonly ResolvedInput[];
  values: FormValues;
  previews: Record<string, string | null>;
  errors: Record<string, string>;
  /** The price of these values, null while unknown (still asking, or the form is not complete). */
  price: { credits: number; pending: boolean } | null;
  running: boolean;
  starting: boolean;
  onChange: (id: string, value: unknown, preview?: string | null) => void;
  onSubmit: () => void;
}) {
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form onSubmit={submit} className="flex flex-col gap-5" noValidate aria-label="Inputs">
      {inputs.length === 0 ? (
        <p className="text-muted-foreground text-sm">
          This flow asks for nothing: it runs with the values in its nodes. Choose what it asks for under Form
          in the editor.
        </p>
      ) : null}
      {inputs.map((input) => {
        const param = descriptorOf(input, input.id);
        const error = errors[`inputs.${input.id}`];
        return input.kind === "image" ? (
          <ImageInput
            key={input.id}
            param={param}
            preview={previews[input.id] ?? null}
            error={error}
            disabled={starting}
            onChange={(value, preview) => onChange(input.id, value, preview)}
          />
        ) : (
          <ParamField
            key={input.id}
            param={param}
            idPrefix="simple"
            value={values[input.id] ?? (input.kind === "boolean" ? false : "")}
            error={error}
            disabled={starting}
            onChange={(_, value) => onChange(input.id, value)}
          />
        );
      })}
      <Button
        type="submit"
        variant="brand"
        size="lg"
        disabled={starting || running}
        data-testid="simple-run-button"
        className="self-start"
      >
        {starting || running ? (
          <LoaderCircleIcon aria-hidden className="animate-spin" />
        ) : (
          <PlayIcon aria-hidden className="fill-current" />
        )}
        {running ? "Running…" : "Run"}
        <span
          className="rounded bg-brand-foreground/15 px-1.5 py-0.5 font-semibold text-xs tabular-nums"
          data-testid="simple-run-price"
        >
          {price ? creditsLabel(price.credits) : "—"}
        </span>
      </Button>
    </form>
  );
}
