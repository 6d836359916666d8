import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { nextStepsFor } from "@/components/generations/next-steps";
import { ResultView } from "@/components/generations/result-view";
import type { GenerationDetail } from "@/components/generations/types";
import { PageContainer } from "@/components/shell/page-container";
import { getAuthUser } from "@/lib/auth";
import { isAppError } from "@/lib/errors";
import { requireOwnGeneration } from "@/lib/generations/manage-generation";
import { serializeGenerationDetail } from "@/lib/generations/serialize";
import { listEffectiveModels } from "@/lib/models/overrides";
import { getModel } from "@/lib/models-config";
import { toLiteModel } from "@/lib/models-lite";

export const metadata: Metadata = { title: "Result" };

export default async function ResultPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await getAuthUser();
  if (!user) redirect(`/login?next=${encodeURIComponent(`/result/${id}`)}`);
  const row = await requireOwnGeneration(id, user.id).catch((error: unknown) => {
    // Unknown ids and other people's generations look the same: not found.
    if (isAppError(error) && error.status === 404) notFound();
    throw error;
  });
  const detail = (await serializeGenerationDetail(row)) as GenerationDetail;
  const definition = getModel(detail.model);
  const model = definition ? toLiteModel(definition) : null;
  // Only models that are enabled now are offered as a next step.
  const enabled = (await listEffectiveModels()).filter((m) => m.enabled).map((m) => toLiteModel(m.model));
  return (
    <PageContainer>
      <ResultView initial={detail} model={model} steps={nextStepsFor(enabled, model)} />
    </PageContainer>
  );
}
