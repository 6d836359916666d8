import type { Metadata } from "next";
import { C, Code, DocsArticle, H2 } from "@/components/docs/prose";

export const metadata: Metadata = { title: "Self-hosting" };

export default function SelfHostingPage() {
  return (
    <DocsArticle
      title="Self-hosting"
      lead="Atelier runs on Vercel with Supabase, or on your own server with PM2. The repository's README and docs/deploy-supabase.md have every setting; this is the outline."
    >
      <H2>Try it on your machine</H2>
      <p>
        With no configuration at all, one command runs everything locally: a real PostgreSQL, files on disk,
        sign-in codes in a development mailbox and a provider emulator that answers like the real providers.
      </p>
      <Code label="Start locally">npm install && npm run dev</Code>
      <H2>Vercel + Supabase</H2>
      <ol className="list-decimal pl-6">
        <li>
          Create a Supabase project: a private Storage bucket <C>media</C>, the Auth Site URL and the exact
          redirect URL <C>https://your-domain/auth/callback</C>, Google and Telegram sign-in, the Email
          provider off.
        </li>
        <li>
          Apply the database migrations over the session pooler: <C>DATABASE_URL=… npm run db:migrate</C>.
        </li>
        <li>
          Import the repository in Vercel and set <C>DATABASE_URL</C> (transaction pooler), the three Supabase
          variables, <C>SESSION_SECRET</C>, <C>ENCRYPTION_SECRET</C>, <C>CRON_SECRET</C>, <C>APP_URL</C>, the
          provider keys and a mail transport. Background jobs run after responses and from the cron route.
        </li>
        <li>
          Sign in once, then make yourself super admin:{" "}
          <C>DATABASE_URL=… npm run admin:grant -- you@example.com super_admin</C>.
        </li>
      </ol>
      <H2>Your own server with PM2</H2>
      <Code label="Start with PM2">{`npm install && npm run build
DATABASE_URL=… SESSION_SECRET=… TRUSTED_PROXIES=127.0.0.1 pm2 start ecosystem.config.cjs`}</Code>
      <p>
        PM2 runs three processes: the web server, the job worker (more instances share the queue) and the
        reconciler. Put a reverse proxy in front that compresses responses and is named in{" "}
        <C>TRUSTED_PROXIES</C>. With email sign-in, set <C>SMTP_URL</C> or <C>RESEND_API_KEY</C>: a production
        server with no way to deliver sign-in codes refuses to start.
      </p>
    </DocsArticle>
  );
}
