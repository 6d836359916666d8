// A real SMTP server on loopback that keeps what the app sends, so tests read sign-in codes
// from delivered mail, as people do. The app reaches it through SMTP_URL like any mail server
// (with credentials, so those are exercised too). A message is stored before the server
// acknowledges it, so once the app has answered, its mail is here. With `file`, each message
// is also appended as a JSON line, for readers in other processes (the e2e workers).
import { appendFileSync, existsSync, readFileSync } from "node:fs";
import type { AddressInfo } from "node:net";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export type CapturedMail = { to: string[]; subject: string; text: string };

export type MailCapture = {
  /** SMTP_URL for the app. */
  url: string;
  /** Messages to `to` (any case), oldest first; all of them without `to`. */
  messages: (to?: string) => CapturedMail[];
  close: () => Promise<void>;
};

const USER = "capture";
const PASSWORD = "capture-password";

export async function startMailCapture(options: { file?: string } = {}): Promise<MailCapture> {
  const received: CapturedMail[] = [];
  const server = new SMTPServer({
    authOptional: false,
    allowInsecureAuth: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === USER && auth.password === PASSWORD) callback(null, { user: USER });
      else callback(new Error("Invalid username or password"));
    },
    onData(stream, session, callback) {
      simpleParser(stream).then((parsed) => {
        const mail: CapturedMail = {
          to: session.envelope.rcptTo.map((rcpt) => rcpt.address.toLowerCase()),
          subject: parsed.subject ?? "",
          text: parsed.text ?? "",
        };
        received.push(mail);
        if (options.file) appendFileSync(options.file, `${JSON.stringify(mail)}\n`);
        callback();
      }, callback);
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://${USER}:${PASSWORD}@127.0.0.1:${port}`,
    messages: (to) => received.filter((mail) => !to || mail.to.includes(to.toLowerCase())),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Messages a capture server wrote to `file`, oldest first. */
export function readMailFile(file: string, to?: string): CapturedMail[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as CapturedMail)
    .filter((mail) => !to || mail.to.includes(to.toLowerCase()));
}

/** The code in the newest sign-in message among `messages`, or null. */
export function latestSignInCode(messages: CapturedMail[]): string | null {
  const mail = messages.filter((m) => /sign-in code/i.test(m.subject)).at(-1);
  return mail?.subject.match(/\b(\d{6})\b/)?.[1] ?? null;
}

// Apps started by tests, by URL, so `latestCode(client, email)` finds the mail of the app
// the client talks to.
const byApp = new Map<string, MailCapture>();

export function registerMailCapture(appUrl: string, capture: MailCapture): void {
  byApp.set(new URL(appUrl).origin, capture);
}

export function forgetMailCapture(appUrl: string): void {
  byApp.delete(new URL(appUrl).origin);
}

export function mailCaptureFor(appUrl: string): MailCapture {
  const capture = byApp.get(new URL(appUrl).origin);
  if (!capture) throw new Error(`no mail capture for ${appUrl}: start the app with startApp()`);
  return capture;
}
