"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { Skeleton } from "@/components/ui/skeleton";
import type { ModelKind } from "@/lib/models/types";
import type { LiteModel } from "@/lib/models-lite";
import { focusProblem, NO_PROBLEM, type Problem, problemFrom } from "./create-problem";
import { useFormStore } from "./form-store";
import { missingFields, toInput, valuesFor } from "./form-values";
import { GENERATE_PROBLEM_ID } from "./generate-bar";
import { GenerationForm } from "./generation-form";
import { ModelPicker } from "./model-picker";
import { RecentJobs, revealNewestJob } from "./recent-jobs";
import { useCreateGeneration } from "./use-create-generation";
import { useModels } from "./use-models";
import { usePrefill } from "./use-prefill";

/**
 * Model picker, generated form and the recent jobs beside it. `kind` limits the catalog
 * (/video); `initialModel`/`initialImage` come from ?model=&image= ("use as input").
 */
export function CreatePanel({
  kind,
  initialModel,
  initialImage,
  initialPrompt,
  parentId,
}: {
  kind?: ModelKind;
  initialModel?: string;
  initialImage?: string;
  /** From ?prompt= (the prompt builder, brainstorm, analyze). */
  initialPrompt?: string;
  /** The generation "use as input" came from; recorded as the new one's parent. */
  parentId?: string;
}) {
  const scope = kind ?? "all";
  const models = useModels(kind);
  // Text models have their own pages (analyze, brainstorm) and the Enhance button.
  const list = (models.data ?? []).filter((m) => m.kind !== "text");
  const selectedId = useFormStore((state) => state.selected[scope]);
  const changed = useFormStore((state) => state.values);
  const { select, setValue } = useFormStore.getState();
  const model = list.find((m) => m.id === selectedId) ?? list.find((m) => m.id === initialModel) ?? list[0];
  const create = useCreateGeneration();
  const [problem, setProblem] = useState<Problem>(NO_PROBLEM);
  const [started, setStarted] = useState<string | null>(null);
  const [variations, setVariations] = useState(1);

  usePrefill(list, scope, { modelId: initialModel, image: initialImage, parentId, prompt: initialPrompt });
  // After the message is on screen: focus goes to the field at fault, else beside Generate.
  useEffect(() => {
    if (model && problem !== NO_PROBLEM) focusProblem(model, problem, GENERATE_PROBLEM_ID);
  }, [problem, model]);

  if (models.error) return <FormMessage>{models.error.message}</FormMessage>;
  if (!model) return <PanelSkeleton />;
  const values = valuesFor(model, changed);

  function submit(current: LiteModel) {
    setStarted(null);
    const missing = missingFields(current, values);
    if (Object.keys(missing).length > 0) {
      return setProblem({ ...NO_PROBLEM, fields: missing });
    }
    setProblem(NO_PROBLEM);
    create.mutate(
      { model: current, input: toInput(current, values), parentId, variations },
      {
        onSuccess: (created) => {
          setStarted(created.id);
          revealNewestJob();
        },
        onError: (error) => setProblem(problemFrom(current, error)),
      },
    );
  }

  return (
    <div className="grid gap-10 lg:grid-cols-[minmax(0,28rem)_minmax(0,1fr)] lg:gap-12">
      <section aria-label="Create" className="flex flex-col gap-5">
        <ModelPicker
          models={list}
          value={model}
          withKind={!kind}
          onChange={(id) => {
            const next = list.find((m) => m.id === id);
            if (next) select(scope, next);
            setProblem(NO_PROBLEM);
          }}
        />
        <GenerationForm
          model={model}
          values={values}
          errors={problem.fields}
          problem={problem.banner}
          paymentProblem={problem.code === "payment_required"}
          started={
            started ? (
              <>
                Started.{" "}
                <Link
                  href={`/result/${started}`}
                  className="font-medium text-foreground underline underline-offset-4"
                >
                  Follow it
                </Link>
              </>
            ) : null
          }
          pending={create.isPending}
          onChange={(name, value) => {
            if (!selectedId) select(scope, model);
            setValue(name, value);
          }}
          onSubmit={() => submit(model)}
          variations={variations}
          onVariations={setVariations}
        />
      </section>
      <RecentJobs title={kind === "video" ? "Recent videos" : "Recent"} />
    </div>
  );
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
