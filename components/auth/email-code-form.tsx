"use client";

import { LoaderCircleIcon } from "lucide-react";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { MailboxHint } from "@/components/auth/mailbox-hint";
import { useResendCooldown } from "@/components/auth/use-resend-cooldown";
import { fetchJson } from "@/components/providers/fetch-json";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function messageOf(error: unknown): string {
  const text = error instanceof Error ? error.message : "Something went wrong. Try again.";
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Local sign-in: email → six-digit code → session, then a full load of `next`. */
export function EmailCodeForm({ next, mailboxHint }: { next: string; mailboxHint: boolean }) {
  const [step, setStep] = useState<"email" | "code">("email");
  const [email, setEmail] = useState("");
  const [code, setCode] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState<"send" | "verify" | null>(null);
  const cooldown = useResendCooldown();
  const codeInput = useRef<HTMLInputElement>(null);
  const emailInput = useRef<HTMLInputElement>(null);

  const mounted = useRef(false);

  // Move focus with the step, but not on first load (it would pop up the phone keyboard).
  useEffect(() => {
    if (mounted.current) (step === "code" ? codeInput : emailInput).current?.focus();
    mounted.current = true;
  }, [step]);

  async function sendCode(event?: FormEvent) {
    event?.preventDefault();
    const address = email.trim();
    if (!EMAIL_PATTERN.test(address)) return setError("Enter a valid email address.");
    setError(null);
    setPending("send");
    try {
      await fetchJson("/api/auth/otp", { method: "POST", json: { email: address } });
      setCode("");
      setStep("code");
      cooldown.start();
    } catch (cause) {
      setError(messageOf(cause));
    } finally {
      setPending(null);
    }
  }

  async function verify(event: FormEvent) {
    event.preventDefault();
    if (!/^\d{6}$/.test(code)) return setError("Enter the 6-digit code from the email.");
    setError(null);
    setPending("verify");
    try {
      await fetchJson("/api/auth/otp/verify", { method: "POST", json: { email: email.trim(), code } });
      // A full load, so the server renders the signed-in shell and no state of the visitor stays.
      window.location.assign(next);
    } catch (cause) {
      setError(messageOf(cause));
      setPending(null);
      codeInput.current?.select();
    }
  }

  const errorId = error ? "sign-in-error" : undefined;
  const mailboxHref = email.trim() ? `/dev/mailbox?to=${encodeURIComponent(email.trim())}` : "/dev/mailbox";

  if (step === "email") {
    return (
      <form noValidate onSubmit={sendCode} className="flex flex-col gap-4">
        <div className="flex flex-col gap-2">
          <Label htmlFor="email">Email</Label>
          <Input
            ref={emailInput}
            id="email"
            name="email"
            type="email"
            inputMode="email"
            autoComplete="email"
            placeholder="you@example.com"
            value={email}
            onChange={(event) => setEmail(event.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={errorId}
            required
          />
        </div>
        <FormSubmit error={error} errorId={errorId} busy={pending === "send"} disabled={pending !== null}>
          Send code
        </FormSubmit>
        {mailboxHint ? <MailboxHint href={mailboxHref} /> : null}
      </form>
    );
  }

  return (
    <form noValidate onSubmit={verify} className="flex flex-col gap-4">
      <p className="text-muted-foreground text-sm" role="status">
        We sent a 6-digit code to <span className="font-medium text-foreground">{email.trim()}</span>. It
        expires in 10 minutes.
      </p>
      <div className="flex flex-col gap-2">
        <Label htmlFor="code">Code</Label>
        <Input
          ref={codeInput}
          id="code"
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="\d{6}"
          maxLength={6}
          placeholder="123456"
          className="font-mono text-lg tracking-[0.4em] md:text-lg"
          value={code}
          onChange={(event) => setCode(event.target.value.replace(/\D/g, "").slice(0, 6))}
          aria-invalid={error ? true : undefined}
          aria-describedby={errorId}
          required
        />
      </div>
      <FormSubmit error={error} errorId={errorId} busy={pending === "verify"} disabled={pending !== null}>
        Sign in
      </FormSubmit>
      <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
        <span className="flex items-center gap-1">
          <Button
            variant="link"
            className="h-auto px-0"
            disabled={pending !== null || cooldown.seconds > 0}
            onClick={() => void sendCode()}
          >
            {pending === "send" ? <LoaderCircleIcon className="animate-spin" /> : null}
            Resend code
          </Button>
          {cooldown.seconds > 0 ? (
            <span className="text-muted-foreground tabular-nums">in {cooldown.seconds}s</span>
          ) : null}
        </span>
        <Button
          variant="link"
          className="h-auto px-0 text-muted-foreground"
          disabled={pending !== null}
          onClick={() => {
            setError(null);
            setStep("email");
          }}
        >
          Use a different email
        </Button>
      </div>
      {mailboxHint ? <MailboxHint href={mailboxHref} /> : null}
    </form>
  );
}

/** The form's error line (referenced by the inputs' aria-describedby) and its submit button. */
function FormSubmit(props: {
  error: string | null;
  errorId: string | undefined;
  busy: boolean;
  disabled: boolean;
  children: string;
}) {
  return (
    <>
      {props.error ? <FormMessage id={props.errorId}>{props.error}</FormMessage> : null}
      <Button type="submit" size="lg" disabled={props.disabled}>
        {props.busy ? <LoaderCircleIcon className="animate-spin" /> : null}
        {props.children}
      </Button>
    </>
  );
}
