"use client";

import { DEFAULT_LLM_MODE, DEFAULT_LLM_TEMPERATURE } from "@/lib/flows/llm-step";
import { useCatalog } from "../catalog";
import { LLM_MODES } from "../nodes/llm-node";
import { ModelSelect } from "../nodes/model-select";
import { fieldClass } from "../nodes/text-node";
import { useFlowStore } from "../store/flow-store-context";
import type { EditorNodeOf } from "../store/types";

/** An LLM node's settings: its model, what it does, how freely, and whether its result is pinned. */
export function LlmSettings({
  id,
  data,
  readOnly,
}: {
  id: string;
  data: EditorNodeOf<"llm">["data"];
  readOnly: boolean;
}) {
  const { models } = useCatalog();
  const update = useFlowStore((s) => s.updateData);
  const textModels = models.filter((m) => m.tools.includes("text"));
  const params = data.params;
  const temperature = typeof params.temperature === "number" ? params.temperature : DEFAULT_LLM_TEMPERATURE;
  return (
    <div className="flex flex-col gap-4">
      {textModels.length > 0 ? (
        <div className="flex flex-col gap-2 font-medium text-sm">
          <span aria-hidden>Model</span>
          <ModelSelect
            models={textModels}
            value={data.model ?? ""}
            disabled={readOnly}
            onChange={(model) => update(id, { model })}
          />
        </div>
      ) : null}
      <label className="flex flex-col gap-2 font-medium text-sm">
        What it does
        <select
          value={String(params.mode ?? DEFAULT_LLM_MODE)}
          disabled={readOnly}
          onChange={(event) => update(id, { params: { ...params, mode: event.target.value } })}
          className="h-10 rounded-md border border-input bg-background px-3 text-sm shadow-xs outline-none focus-visible:border-ring focus-visible:ring-[3px] focus-visible:ring-ring/40"
        >
          {LLM_MODES.map((mode) => (
            <option key={mode.value} value={mode.value}>
              {mode.label}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-2 font-medium text-sm">
        Instruction
        <textarea
          rows={4}
          value={String(params.instruction ?? "")}
          readOnly={readOnly}
          className={fieldClass}
          onChange={(event) =>
            update(id, { params: { ...params, instruction: event.target.value } }, "params.instruction")
          }
        />
      </label>
      <label className="flex flex-col gap-2 font-medium text-sm">
        <span className="flex justify-between">
          Temperature <output className="tabular-nums">{temperature}</output>
        </span>
        <input
          type="range"
          min={0}
          max={1}
          step={0.1}
          value={temperature}
          disabled={readOnly}
          onChange={(event) => update(id, { params: { ...params, temperature: Number(event.target.value) } })}
          className="accent-brand"
        />
      </label>
      <label className="flex items-start gap-3 text-sm">
        <input
          type="checkbox"
          checked={data.pinned === true}
          disabled={readOnly}
          onChange={(event) => update(id, { pinned: event.target.checked })}
          className="mt-0.5 size-4 accent-brand"
        />
        <span className="flex flex-col gap-0.5">
          <span className="font-medium">Pin the result</span>
          <span className="text-muted-foreground text-xs">
            Above temperature 0 each run writes something new; pinned, the last result is reused while the
            input stays the same.
          </span>
        </span>
      </label>
    </div>
  );
}
