"use client";

import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useLayoutEffect,
  useState,
} from "react";
import { isTheme, THEME_STORAGE_KEY, type Theme } from "@/components/providers/theme";

type ThemeContextValue = {
  /** The stored choice: "system" follows the operating system. */
  theme: Theme;
  /** What is on screen now. */
  resolvedTheme: "light" | "dark";
  setTheme: (theme: Theme) => void;
};

const ThemeContext = createContext<ThemeContextValue | null>(null);
const DARK_QUERY = "(prefers-color-scheme: dark)";

function readStoredTheme(): Theme {
  try {
    const stored = localStorage.getItem(THEME_STORAGE_KEY);
    return isTheme(stored) ? stored : "system";
  } catch {
    return "system";
  }
}

function resolve(theme: Theme): "light" | "dark" {
  if (theme !== "system") return theme;
  return window.matchMedia(DARK_QUERY).matches ? "dark" : "light";
}

export function ThemeProvider({ children }: { children: ReactNode }) {
  // The server cannot know the theme; the inline script already painted the right one, and
  // these defaults are replaced before paint by the layout effect below.
  const [theme, setThemeState] = useState<Theme>("system");
  const [resolvedTheme, setResolvedTheme] = useState<"light" | "dark">("light");

  const apply = useCallback((next: Theme) => {
    const resolved = resolve(next);
    document.documentElement.classList.toggle("dark", resolved === "dark");
    setThemeState(next);
    setResolvedTheme(resolved);
  }, []);

  // Also re-applies the class after React's dev-only remount of <html> clears it.
  useLayoutEffect(() => apply(readStoredTheme()), [apply]);

  useEffect(() => {
    const media = window.matchMedia(DARK_QUERY);
    const onSystemChange = () => {
      if (readStoredTheme() === "system") apply("system");
    };
    const onStorage = (event: StorageEvent) => {
      if (event.key === THEME_STORAGE_KEY) apply(readStoredTheme());
    };
    media.addEventListener("change", onSystemChange);
    window.addEventListener("storage", onStorage);
    return () => {
      media.removeEventListener("change", onSystemChange);
      window.removeEventListener("storage", onStorage);
    };
  }, [apply]);

  const setTheme = useCallback(
    (next: Theme) => {
      try {
        if (next === "system") localStorage.removeItem(THEME_STORAGE_KEY);
        else localStorage.setItem(THEME_STORAGE_KEY, next);
      } catch {
        // Storage may be unavailable (private mode); the choice then lasts for this page only.
      }
      apply(next);
    },
    [apply],
  );

  return <ThemeContext value={{ theme, resolvedTheme, setTheme }}>{children}</ThemeContext>;
}

export function useTheme(): ThemeContextValue {
  const value = useContext(ThemeContext);
  if (!value) throw new Error("useTheme must be used inside <ThemeProvider>");
  return value;
}
