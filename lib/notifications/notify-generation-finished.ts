import "server-only";
// Tells the owner that a generation finished: an in-app notification when a job failed or took
// longer than a minute, and an email for long jobs unless they opted out. An ended hook
// (lib/generations/ended-hooks.ts), run by the generation's `generation.ended` job; the unique
// (generation_id, kind) key keeps it to one notification (and one email) should it run twice.
// A database problem throws, so the job tries again; a mail problem is only logged (the
// notification row is what counts, and a retry would not send the mail again).
import { insertNotification, type NotificationKind, notificationRecipient } from "@/lib/db/notifications";
import { appUrl } from "@/lib/env";
import type { GenerationRow } from "@/lib/generations/types";
import type { Logger } from "@/lib/log";
import { mail } from "@/lib/mail";
import { getModel } from "@/lib/models-config";
import { plural } from "@/lib/plural";

/** Jobs that take longer than this get a "completed" notification and an email. */
export const LONG_JOB_SECONDS = 60;

export async function notifyGenerationFinished(generation: GenerationRow, log: Logger): Promise<void> {
  const kind = notificationKind(generation);
  if (!kind) return;
  const message = messageFor(generation, kind);
  const created = await insertNotification({
    userId: generation.user_id,
    generationId: generation.id,
    kind,
    title: message.title,
    body: message.body,
  });
  if (!created || !isLong(generation)) return;
  const recipient = await notificationRecipient(generation.user_id);
  if (!recipient?.email || !recipient.emailNotifications) return;
  try {
    await mail().send({ to: recipient.email, ...emailFor(generation, message) });
    log.info("generation notification emailed", { generationId: generation.id, kind });
  } catch (error) {
    log.error("generation notification email failed", { generationId: generation.id, error });
  }
}

function durationSeconds(g: GenerationRow): number {
  if (!g.completed_at) return 0;
  return (g.completed_at.getTime() - g.created_at.getTime()) / 1000;
}

function isLong(g: GenerationRow): boolean {
  return durationSeconds(g) > LONG_JOB_SECONDS;
}

/** Failures always notify; successes only when the person probably stopped waiting. */
export function notificationKind(g: GenerationRow): NotificationKind | null {
  if (g.status === "failed") return "generation_failed";
  if (g.status === "completed" && isLong(g)) return "generation_completed";
  return null;
}

type Message = { title: string; body: string };

function messageFor(g: GenerationRow, kind: NotificationKind): Message {
  const what = g.kind === "video" ? "video" : g.kind === "text" ? "text" : "image";
  const model = getModel(g.model_id)?.name ?? g.model_id;
  const prompt = g.prompt ? ` “${truncate(g.prompt, 80)}”` : "";
  if (kind === "generation_completed") {
    return {
      title: `Your ${what} is ready`,
      body: `${model}${prompt} finished after ${formatDuration(durationSeconds(g))}.`,
    };
  }
  const reason = g.error?.trim() || "The provider did not say why.";
  const refund =
    g.charged_credits > 0
      ? ` ${plural(g.charged_credits, "credit")} ${g.charged_credits === 1 ? "was" : "were"} refunded.`
      : "";
  return { title: `Your ${what} failed`, body: `${model}${prompt}: ${reason}${refund}` };
}

function emailFor(g: GenerationRow, message: Message): { subject: string; text: string; html: string } {
  const link = new URL(`/result/${g.id}`, appUrl()).toString();
  const text = [message.body, `Open it: ${link}`, "", manageLine()].join("\n");
  const html = [
    `<p>${escapeHtml(message.body)}</p>`,
    `<p><a href="${escapeHtml(link)}">Open it in Atelier</a></p>`,
    `<p style="color:#666;font-size:12px">${escapeHtml(manageLine())}</p>`,
  ].join("");
  return { subject: `${message.title} — Atelier`, text, html };
}

function manageLine(): string {
  return "You get this email because a long job finished. Turn these emails off on your Atelier profile page.";
}

function truncate(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function formatDuration(seconds: number): string {
  const minutes = Math.round(seconds / 60);
  if (minutes < 2) return "about a minute";
  if (minutes < 60) return `${minutes} minutes`;
  const hours = Math.floor(minutes / 60);
  return `${hours} h ${minutes % 60} min`;
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );
}
