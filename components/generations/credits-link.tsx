import Link from "next/link";

/** "How to get credits", after a sentence about a short balance. */
export function CreditsLink() {
  return (
    <>
      {" "}
      <Link href="/credits" className="font-medium underline underline-offset-4">
        How to get credits
      </Link>
    </>
  );
}
