import Link from "next/link";
import { FormMessage } from "@/components/ui/form-message";

/** Local mode only: where the sign-in code can be read, since no email is sent. */
export function MailboxHint({ href }: { href: string }) {
  return (
    <FormMessage tone="info">
      Local mode: no email leaves this machine. Read the code in the{" "}
      <Link href={href} target="_blank" rel="noopener" className="font-medium text-foreground underline">
        dev mailbox
      </Link>
      .
    </FormMessage>
  );
}
