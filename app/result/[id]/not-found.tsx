import Link from "next/link";
import { Button } from "@/components/ui/button";

export default function ResultNotFound() {
  return (
    <div className="mx-auto flex w-full max-w-md flex-1 flex-col items-center justify-center gap-4 px-4 py-16 text-center">
      <p className="font-mono font-semibold text-brand text-sm">404</p>
      <h1 className="font-semibold text-2xl tracking-tight">Generation not found</h1>
      <p className="text-muted-foreground">It may have been deleted, or it belongs to another account.</p>
      <div className="flex flex-wrap justify-center gap-2">
        <Button asChild variant="outline">
          <Link href="/history">Your history</Link>
        </Button>
        <Button asChild variant="brand">
          <Link href="/create">Create</Link>
        </Button>
      </div>
    </div>
  );
}
