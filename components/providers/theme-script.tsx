import { THEME_SCRIPT } from "@/components/providers/theme";

/**
 * Put in <head>: sets the theme class while the HTML is parsed, so there is no light flash.
 * The page's CSP allows inline scripts only with this response's nonce.
 */
export function ThemeScript({ nonce }: { nonce?: string }) {
  // biome-ignore lint/security/noDangerouslySetInnerHtml: a constant script we author, needed before hydration.
  return <script nonce={nonce} dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />;
}
