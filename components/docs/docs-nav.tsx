"use client";
// The docs' own contents list: a column beside the page on wide screens, a row of links above
// it on a phone.
import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/utils";

export const DOCS_PAGES = [
  { href: "/docs", label: "Getting started" },
  { href: "/docs/models", label: "Models and prices" },
  { href: "/docs/credits", label: "Credits and refunds" },
  { href: "/docs/flows", label: "Flows" },
  { href: "/docs/using-the-api", label: "Using the API" },
  { href: "/docs/api", label: "API reference" },
  { href: "/docs/self-hosting", label: "Self-hosting" },
] as const;

export function DocsNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Documentation" className="md:sticky md:top-20">
      <ul className="flex gap-1 overflow-x-auto pb-2 md:flex-col md:overflow-visible md:pb-0">
        {DOCS_PAGES.map((page) => {
          const active = pathname === page.href;
          return (
            <li key={page.href} className="shrink-0">
              <Link
                href={page.href}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "block rounded-md px-3 py-1.5 text-sm hover:bg-muted",
                  active ? "bg-muted font-medium text-foreground" : "text-muted-foreground",
                )}
              >
                {page.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
