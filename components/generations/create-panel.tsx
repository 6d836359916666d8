"use client";

import { useEffect, useRef, useState } from "react";
import { ApiError } from "@/components/providers/fetch-json";
import { FormMessage } from "@/components/ui/form-message";
import { Skeleton } from "@/components/ui/skeleton";
import type { ModelKind } from "@/lib/models/types";
import type { LiteModel } from "@/lib/models-lite";
import { useFormStore } from "./form-store";
import { fieldError, missingFields, toInput, valuesFor, withImage } from "./form-values";
import { GenerationForm } from "./generation-form";
import { ModelPicker } from "./model-picker";
import { RecentJobs } from "./recent-jobs";
import { useCreateGeneration } from "./use-create-generation";
import { useModels } from "./use-models";

type Problem = { fields: Record<string, string>; banner: string | null };
const NO_PROBLEM: Problem = { fields: {}, banner: null };

/**
 * Model picker, generated form and the recent jobs beside it. `kind` limits the catalog
 * (/video); `initialModel`/`initialImage` come from ?model=&image= ("use as input").
 */
export function CreatePanel({
  kind,
  initialModel,
  initialImage,
  parentId,
}: {
  kind?: ModelKind;
  initialModel?: string;
  initialImage?: string;
  /** The generation "use as input" came from; recorded as the new one's parent. */
  parentId?: string;
}) {
  const scope = kind ?? "all";
  const models = useModels(kind);
  const list = models.data ?? [];
  const selectedId = useFormStore((state) => state.selected[scope]);
  const changedByModel = useFormStore((state) => state.values);
  const { select, setValue } = useFormStore.getState();
  const model = list.find((m) => m.id === selectedId) ?? list.find((m) => m.id === initialModel) ?? list[0];
  const create = useCreateGeneration();
  const [problem, setProblem] = useState<Problem>(NO_PROBLEM);

  usePrefill(list, scope, initialModel, initialImage);

  if (models.error) return <FormMessage>{models.error.message}</FormMessage>;
  if (!model) return <PanelSkeleton />;
  const values = valuesFor(model, changedByModel[model.id]);

  function submit(current: LiteModel) {
    const missing = missingFields(current, values);
    if (Object.keys(missing).length > 0) {
      setProblem({ fields: missing, banner: null });
      return focusField(current, missing);
    }
    setProblem(NO_PROBLEM);
    create.mutate(
      { model: current, input: toInput(current, values), parentId },
      {
        onError: (error) => {
          const next = problemFrom(current, error);
          setProblem(next);
          focusField(current, next.fields);
        },
      },
    );
  }

  return (
    <div className="grid gap-10 lg:grid-cols-[minmax(0,28rem)_minmax(0,1fr)] lg:gap-12">
      <section aria-label="Create" className="flex flex-col gap-5">
        {problem.banner ? <FormMessage>{problem.banner}</FormMessage> : null}
        <ModelPicker
          models={list}
          value={model}
          withKind={!kind}
          onChange={(id) => {
            select(scope, id);
            setProblem(NO_PROBLEM);
          }}
        />
        <GenerationForm
          model={model}
          values={values}
          errors={problem.fields}
          pending={create.isPending}
          onChange={(name, value) => {
            if (!selectedId) select(scope, model.id);
            setValue(model.id, name, value);
          }}
          onSubmit={() => submit(model)}
        />
      </section>
      <RecentJobs title={kind === "video" ? "Recent videos" : "Recent"} />
    </div>
  );
}

/** Brings the first field with an error into view (ids follow ParamField's `f-<model>-<name>`). */
function focusField(model: LiteModel, fields: Record<string, string>) {
  const first = model.params.find((p) => fields[p.name]);
  // Next frame: after React has rendered the message, so the field's description includes it.
  if (first) requestAnimationFrame(() => document.getElementById(`f-${model.id}-${first.name}`)?.focus());
}

function problemFrom(model: LiteModel, error: Error): Problem {
  const status = error instanceof ApiError ? error.status : 0;
  const field = status === 400 || status === 422 ? fieldError(model, error.message) : null;
  if (field) return { fields: { [field.field]: field.message }, banner: null };
  return { fields: {}, banner: error.message };
}

/** Applies ?model=&image= once the catalog is loaded, and only once per link. */
function usePrefill(models: LiteModel[], scope: string, modelId?: string, image?: string) {
  const applied = useRef<string | null>(null);
  useEffect(() => {
    const key = `${modelId ?? ""}|${image ?? ""}`;
    if (!modelId || applied.current === key) return;
    const model = models.find((m) => m.id === modelId);
    if (!model) return;
    applied.current = key;
    const store = useFormStore.getState();
    store.select(scope, model.id);
    if (!image) return;
    const next = withImage(model, valuesFor(model, store.values[model.id]), image);
    const param = model.params.find((p) => p.control === "image" || p.control === "images");
    if (next && param) store.setValue(model.id, param.name, next[param.name]);
  }, [models, scope, modelId, image]);
}

function PanelSkeleton() {
  return (
    <div className="flex max-w-md flex-col gap-4" aria-busy="true">
      <Skeleton className="h-10 w-full" />
      <Skeleton className="h-24 w-full" />
      <Skeleton className="h-28 w-full" />
      <Skeleton className="h-10 w-32" />
    </div>
  );
}
