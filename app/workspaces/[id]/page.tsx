import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { SessionView } from "@/components/sessions/session-view";
import type { SessionDetail } from "@/components/sessions/use-session";
import { PageContainer } from "@/components/shell/page-container";
import { getAuthUser } from "@/lib/auth";
import { isAppError } from "@/lib/errors";
import { readSession } from "@/lib/sessions/manage-session";
import { sessionGraph } from "@/lib/sessions/session-graph";

export const metadata: Metadata = { title: "Session" };

export default async function SessionPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await getAuthUser();
  if (!user) redirect(`/login?next=${encodeURIComponent(`/workspaces/${id}`)}`);
  const session = await readSession(user.id, id).catch((error: unknown) => {
    // Unknown ids and other people's sessions look the same: not found.
    if (isAppError(error) && error.status === 404) notFound();
    throw error;
  });
  const detail = { ...session, ...(await sessionGraph(user.id, session.id)) } as unknown as SessionDetail;
  return (
    <PageContainer className="max-w-4xl">
      <SessionView initial={detail} />
    </PageContainer>
  );
}
