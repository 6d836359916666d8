// Typography for the docs pages: headings, paragraphs and code blocks with one look.
import type { ReactNode } from "react";

export function DocsArticle({ title, lead, children }: { title: string; lead: string; children: ReactNode }) {
  return (
    <article className="flex max-w-3xl flex-col gap-4 leading-relaxed">
      <header className="mb-2 flex flex-col gap-2">
        <h1 className="font-semibold text-2xl tracking-tight sm:text-3xl">{title}</h1>
        <p className="text-lg text-muted-foreground">{lead}</p>
      </header>
      {children}
    </article>
  );
}

export function H2({ children }: { children: ReactNode }) {
  return <h2 className="mt-6 font-semibold text-xl tracking-tight">{children}</h2>;
}

export function Code({ children, label }: { children: string; label: string }) {
  return (
    // Wrapped rather than scrolled sideways: a phone shows every line without a scroll region.
    <figure>
      <figcaption className="sr-only">{label}</figcaption>
      <pre className="whitespace-pre-wrap break-words rounded-lg border bg-muted/50 p-4 font-mono text-[13px] leading-relaxed">
        <code>{children.trim()}</code>
      </pre>
    </figure>
  );
}

export function C({ children }: { children: ReactNode }) {
  return <code className="rounded bg-muted px-1.5 py-0.5 font-mono text-[0.9em]">{children}</code>;
}
