import { ArrowRightIcon, CoinsIcon, HistoryIcon, LayersIcon, ReceiptIcon } from "lucide-react";
import Link from "next/link";
import { navItemsFor } from "@/components/shell/nav-items";
import { PageContainer, PageHeader } from "@/components/shell/page-container";
import { userLabel } from "@/components/shell/user-label";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { type AuthUser, getAuthUser } from "@/lib/auth";

export default async function HomePage() {
  const user = await getAuthUser();
  return user ? <Welcome user={user} /> : <Landing />;
}

const POINTS = [
  {
    icon: LayersIcon,
    title: "One catalog",
    text: "Image and video models from Replicate, fal.ai and Google behind one simple form.",
  },
  {
    icon: ReceiptIcon,
    title: "Fair credits",
    text: "See the price before you generate. Failed jobs are refunded automatically.",
  },
  {
    icon: HistoryIcon,
    title: "Nothing lost",
    text: "Every result is kept in your history, ready to reuse and iterate on.",
  },
] as const;

function Landing() {
  return (
    <PageContainer className="flex flex-col gap-12 sm:gap-16">
      <section className="flex max-w-2xl flex-col gap-5 pt-4 sm:pt-10">
        <p className="font-medium text-brand text-sm">AI image and video studio</p>
        <h1 className="text-balance font-semibold text-4xl tracking-tight sm:text-5xl">
          Make images and video with the best models, in one place.
        </h1>
        <p className="text-pretty text-lg text-muted-foreground">
          Atelier brings the leading generative models together, keeps everything you make, and lets you pick
          up any result and take it further.
        </p>
        <div className="flex flex-wrap gap-3 pt-2">
          <Button asChild size="lg" variant="brand">
            <Link href="/login">
              Sign in to start <ArrowRightIcon />
            </Link>
          </Button>
        </div>
      </section>
      <section aria-label="Why Atelier" className="grid gap-4 sm:grid-cols-3">
        {POINTS.map((point) => (
          <Card key={point.title}>
            <CardHeader>
              <point.icon aria-hidden className="mb-2 size-5 text-brand" />
              <CardTitle className="text-base">{point.title}</CardTitle>
              <CardDescription>{point.text}</CardDescription>
            </CardHeader>
          </Card>
        ))}
      </section>
    </PageContainer>
  );
}

function Welcome({ user }: { user: AuthUser }) {
  const destinations = navItemsFor(user).filter((item) => item.href !== "/");
  return (
    <PageContainer>
      <PageHeader title={`Welcome, ${userLabel(user)}`} description="Here is where your account stands." />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <Card>
          <CardHeader>
            <CardDescription className="flex items-center gap-2">
              <CoinsIcon aria-hidden className="size-4" /> Credits
            </CardDescription>
            <p className="font-semibold text-4xl tabular-nums tracking-tight">
              {user.credits.toLocaleString("en-US")}
            </p>
          </CardHeader>
          <CardContent className="text-muted-foreground text-sm">
            Credits pay for generations. The price is shown before you submit.
          </CardContent>
        </Card>
        {destinations.map((item) => (
          <Link
            key={item.href}
            href={item.href}
            className="group rounded-xl outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50"
          >
            <Card className="h-full transition-colors group-hover:border-foreground/20">
              <CardHeader>
                <item.icon aria-hidden className="mb-2 size-5 text-brand" />
                <CardTitle className="flex items-center gap-2 text-base">
                  {item.label}
                  <ArrowRightIcon
                    aria-hidden
                    className="size-4 transition-transform group-hover:translate-x-0.5"
                  />
                </CardTitle>
                <CardDescription>{item.description}</CardDescription>
              </CardHeader>
            </Card>
          </Link>
        ))}
      </div>
    </PageContainer>
  );
}
