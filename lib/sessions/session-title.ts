// A new session is titled from the prompt that started it: its first words, cut at a word
// boundary, so the sessions grid reads like a list of ideas. People can rename it later.
export const MAX_TITLE_LENGTH = 200;
const AUTO_TITLE_LENGTH = 60;
/** The title of a session that has none yet (started empty, or by a generation without a prompt). */
export const UNTITLED = "Untitled session";

/** The prompt's first words as a title; null for no prompt (a tool's run without one). */
export function titleFromPrompt(prompt: string | null | undefined): string | null {
  const text = (prompt ?? "").replace(/\s+/g, " ").trim();
  if (!text) return null;
  if (text.length <= AUTO_TITLE_LENGTH) return text;
  const cut = text.slice(0, AUTO_TITLE_LENGTH + 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > AUTO_TITLE_LENGTH / 2 ? cut.slice(0, space) : cut.slice(0, AUTO_TITLE_LENGTH)).trim()}…`;
}
