"use client";

import { ArrowDownIcon, ArrowUpIcon, XIcon } from "lucide-react";
import { useState } from "react";
import { ParamField } from "@/components/generations/fields/param-field";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { type FlowInput, inputValueSchema, type ResolvedInput } from "@/lib/flows/graph";
import { descriptorOf, inputValueOf } from "./input-descriptor";
import { nameProblem } from "./new-input";

/** One exposed input in the Form panel: its label, its name for scripts, its default, its place. */
export function InputRow({
  input,
  field,
  place,
  count,
  others,
  from,
  readOnly,
  onChange,
  onMove,
  onRemove,
}: {
  input: FlowInput;
  /** What the field takes; null while the node's model is not known here. */
  field: ResolvedInput | null;
  place: number;
  count: number;
  others: readonly FlowInput[];
  from: string;
  readOnly: boolean;
  onChange: (input: FlowInput, typing?: string) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}) {
  // Drafts, so a half-typed name, an empty label or a default out of range never reaches the
  // saved graph (the server would refuse it); each is committed the moment it is valid.
  const [name, setName] = useState(input.id);
  const [label, setLabel] = useState(input.label);
  const [draft, setDraft] = useState<unknown>(input.default ?? "");
  const problem = name === input.id ? null : nameProblem(name, others);
  const defaultProblem = field ? defaultIssue(field, draft) : null;
  const key = `form-input-${input.node_id}-${input.field}`;
  return (
    <li className="flex flex-col gap-3 rounded-lg border p-3" data-testid="form-input">
      <div className="flex items-center gap-1">
        <span className="min-w-0 flex-1 truncate text-muted-foreground text-xs">
          {place + 1}. {from}
        </span>
        <Button
          variant="ghost"
          size="icon"
          className="size-8"
          disabled={readOnly || place === 0}
          onClick={() => onMove(-1)}
          aria-label={`Move ${input.label} up`}
        >
          <ArrowUpIcon />
        </Button>
        <Button
          variant="ghost"
          size="icon"
          className="size-8"
          disabled={readOnly || place === count - 1}
          onClick={() => onMove(1)}
          aria-label={`Move ${input.label} down`}
        >
          <ArrowDownIcon />
        </Button>
        <Button
          variant="ghost"
          size="icon"
          className="size-8"
          disabled={readOnly}
          onClick={onRemove}
          aria-label={`Stop asking for ${input.label}`}
        >
          <XIcon />
        </Button>
      </div>
      <div className="grid gap-3 sm:grid-cols-2">
        <label className="flex flex-col gap-1.5 text-sm" htmlFor={`${key}-label`}>
          <span className="font-medium">Label</span>
          <Input
            id={`${key}-label`}
            value={label}
            maxLength={100}
            disabled={readOnly}
            aria-invalid={label.trim() ? undefined : true}
            onChange={(event) => {
              setLabel(event.target.value);
              if (event.target.value.trim())
                onChange({ ...input, label: event.target.value }, `${key}-label`);
            }}
          />
        </label>
        <label className="flex flex-col gap-1.5 text-sm" htmlFor={`${key}-name`}>
          <span className="font-medium">Name in the API</span>
          <Input
            id={`${key}-name`}
            value={name}
            maxLength={40}
            disabled={readOnly}
            className="font-mono"
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? `${key}-name-problem` : undefined}
            onChange={(event) => {
              const next = event.target.value;
              setName(next);
              if (!nameProblem(next, others)) onChange({ ...input, id: next }, `${key}-name`);
            }}
          />
          {problem ? (
            <span id={`${key}-name-problem`} className="text-destructive text-xs">
              {problem}
            </span>
          ) : null}
        </label>
      </div>
      {field && field.kind !== "image" ? (
        <ParamField
          param={{
            ...descriptorOf({ ...field, label: "Default", required: false }, `${key}-default`),
            help: "Left empty: the node’s own value.",
            ...(field.kind === "text" && typeof field.current === "string" && { placeholder: field.current }),
          }}
          idPrefix={key}
          value={draft}
          error={defaultProblem ?? undefined}
          disabled={readOnly}
          onChange={(_, raw) => {
            setDraft(raw);
            if (defaultIssue(field, raw)) return;
            const value = inputValueOf(field.kind, raw);
            const { default: _old, ...rest } = input;
            onChange(value === undefined ? rest : { ...rest, default: value }, `${key}-default`);
          }}
        />
      ) : field ? (
        <p className="text-muted-foreground text-xs">Default: the image chosen in the node.</p>
      ) : null}
    </li>
  );
}

/** Why a typed default cannot be saved; an empty one (the node's value) is fine. */
function defaultIssue(field: ResolvedInput, raw: unknown): string | null {
  const value = inputValueOf(field.kind, raw);
  if (value === undefined) return null;
  const checked = inputValueSchema(field).safeParse(value);
  return checked.success ? null : `Default ${checked.error.issues[0]?.message ?? "is not valid"}.`;
}
