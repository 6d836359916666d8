import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { LedgerEntry } from "@/lib/admin/users/types";
import { formatDateTime, formatSigned, shortId } from "../format";
import { DataTable, EmptyRow, Td, Th } from "../table";
import type { Wire } from "../wire";

const REASON_LABELS: Record<LedgerEntry["reason"], string> = {
  grant: "Grant",
  charge: "Charge",
  refund: "Refund",
  admin_adjust: "Adjustment",
  admin_refund: "Admin refund",
  flow_reserve: "Flow reservation",
  flow_settle: "Flow step settled",
  flow_release: "Flow release",
};

export function LedgerTable({ entries }: { entries: Wire<LedgerEntry>[] }) {
  return (
    <DataTable aria-label="Credit ledger">
      <thead>
        <tr>
          <Th>When</Th>
          <Th>Reason</Th>
          <Th className="text-right">Change</Th>
          <Th>Note</Th>
          <Th className="hidden sm:table-cell">Generation</Th>
        </tr>
      </thead>
      <tbody>
        {entries.length === 0 ? <EmptyRow colSpan={5}>No ledger entries.</EmptyRow> : null}
        {entries.map((entry) => (
          <tr key={entry.id}>
            <Td className="whitespace-nowrap text-muted-foreground">{formatDateTime(entry.created_at)}</Td>
            <Td>
              <Badge variant={entry.reason.startsWith("admin") ? "brand" : "secondary"}>
                {REASON_LABELS[entry.reason]}
              </Badge>
            </Td>
            <Td
              className={entry.delta > 0 ? "text-right text-success tabular-nums" : "text-right tabular-nums"}
            >
              {formatSigned(entry.delta)}
            </Td>
            <Td className="min-w-40">
              <LedgerNote entry={entry} />
            </Td>
            <Td className="hidden sm:table-cell">
              {entry.generation_id ? (
                <Link
                  href={`/admin/generations/${entry.generation_id}`}
                  className="font-mono text-xs underline-offset-4 hover:underline"
                >
                  {shortId(entry.generation_id)}
                </Link>
              ) : (
                "—"
              )}
            </Td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}

/** A ledger row's note and who made it. */
export function LedgerNote({ entry }: { entry: { note: string | null; actor_email: string | null } }) {
  return (
    <>
      {entry.note ?? "—"}
      {entry.actor_email ? (
        <span className="block text-muted-foreground text-xs">by {entry.actor_email}</span>
      ) : null}
    </>
  );
}
