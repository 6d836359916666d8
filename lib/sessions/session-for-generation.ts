import "server-only";
// Which session a new generation joins, decided inside the transaction that records it, so a
// refused generation (no credits, a limit) leaves no session behind: the one the person chose,
// else the session of the output it iterates on, else a new session titled from its prompt.
// Joining a session is working in it, whichever way it was reached: it comes back from the
// archive, and while it has no title it takes one from the first prompt made in it.
import type { TransactionSql } from "postgres";
import { AppError } from "@/lib/errors";
import { titleFromPrompt, UNTITLED } from "@/lib/sessions/session-title";

export type SessionChoice = {
  /** The session the person chose; must be theirs. */
  id?: string | null;
  /** The generation it iterates on (already checked to be theirs, or null). */
  parentGenerationId?: string | null;
  prompt: string | null;
};

export async function sessionForGeneration(
  tx: TransactionSql,
  userId: string,
  choice: SessionChoice,
): Promise<string> {
  const title = titleFromPrompt(choice.prompt);
  const joined = tx`last_activity_at = now(), archived_at = null,
    title = case when untitled and ${title}::text is not null then ${title} else title end,
    untitled = untitled and ${title}::text is null`;
  if (choice.id) {
    const [chosen] = await tx<{ id: string }[]>`
      update workspaces set ${joined}
      where id = ${choice.id} and user_id = ${userId} returning id`;
    if (!chosen) throw new AppError("not_found", "session_id: no such session", { field: "session_id" });
    return chosen.id;
  }
  if (choice.parentGenerationId) {
    const [inherited] = await tx<{ id: string }[]>`
      update workspaces set ${joined}
      where user_id = ${userId}
        and id = (select workspace_id from generations where id = ${choice.parentGenerationId} and user_id = ${userId})
      returning id`;
    if (inherited) return inherited.id;
  }
  const [created] = await tx<{ id: string }[]>`
    insert into workspaces (user_id, title, untitled)
    values (${userId}, ${title ?? UNTITLED}, ${title === null}) returning id`;
  if (!created) throw new Error("workspace insert returned no row");
  return created.id;
}
