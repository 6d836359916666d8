import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { CreatePanel } from "@/components/generations/create-panel";
import { firstParam, type SearchParams } from "@/components/generations/search-params";
import { CurrentSessionBar } from "@/components/sessions/current-session-bar";
import { PageContainer, PageHeader } from "@/components/shell/page-container";
import { GenerationsProvider } from "@/contexts/generations-context";
import { getAuthUser } from "@/lib/auth";

export const metadata: Metadata = { title: "Create" };

export default async function CreatePage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const model = firstParam(params.model);
  const image = firstParam(params.image);
  const parent = firstParam(params.parent);
  const prompt = firstParam(params.prompt);
  if (!(await getAuthUser())) {
    const back = new URLSearchParams();
    if (model) back.set("model", model);
    if (image) back.set("image", image);
    if (parent) back.set("parent", parent);
    if (prompt) back.set("prompt", prompt);
    const next = back.size > 0 ? `/create?${back}` : "/create";
    redirect(`/login?next=${encodeURIComponent(next)}`);
  }
  return (
    <PageContainer>
      <PageHeader title="Create" description="Pick a model, describe what you want, and generate." />
      <CurrentSessionBar chosen={firstParam(params.session)} />
      <GenerationsProvider>
        <CreatePanel initialModel={model} initialImage={image} initialPrompt={prompt} parentId={parent} />
      </GenerationsProvider>
    </PageContainer>
  );
}
