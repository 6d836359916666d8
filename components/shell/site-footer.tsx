import Link from "next/link";

const FOOTER_LINKS = [
  { href: "/docs", label: "Docs" },
  { href: "/docs/using-the-api", label: "API" },
  { href: "/docs/models", label: "Models and prices" },
  { href: "/credits", label: "How to get credits" },
];

export function SiteFooter() {
  return (
    <footer className="border-t">
      <nav
        aria-label="Footer"
        className="mx-auto flex w-full max-w-6xl flex-wrap gap-x-6 gap-y-2 px-4 py-6 text-muted-foreground text-sm sm:px-6"
      >
        {FOOTER_LINKS.map((link) => (
          <Link key={link.href} href={link.href} className="hover:text-foreground hover:underline">
            {link.label}
          </Link>
        ))}
      </nav>
    </footer>
  );
}
