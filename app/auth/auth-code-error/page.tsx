import Link from "next/link";

export const metadata = { title: "Sign-in failed · Atelier" };

// Where /auth/callback sends the browser when the provider refused or the code could not be
// exchanged (expired, used twice, or opened in another browser than the one that started).
export default function AuthCodeErrorPage() {
  return (
    <main className="mx-auto flex min-h-[60vh] max-w-md flex-col items-center justify-center gap-4 px-6 text-center">
      <h1 className="font-semibold text-2xl tracking-tight">Sign-in could not be completed</h1>
      <p className="text-muted-foreground text-sm">
        The sign-in link has expired, was already used, or was opened in a different browser than the one you
        started in. Please try again.
      </p>
      <Link
        href="/login"
        className="inline-flex h-10 items-center justify-center rounded-md bg-primary px-4 font-medium text-primary-foreground text-sm hover:bg-primary/90"
      >
        Back to sign in
      </Link>
    </main>
  );
}
