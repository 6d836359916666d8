import { THEME_SCRIPT } from "@/components/providers/theme";

/** Put in <head>: sets the theme class while the HTML is parsed, so there is no light flash. */
export function ThemeScript() {
  // biome-ignore lint/security/noDangerouslySetInnerHtml: a constant script we author, needed before hydration.
  return <script dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />;
}
