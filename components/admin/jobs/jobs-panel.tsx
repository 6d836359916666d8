"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { fetchJson } from "@/components/providers/fetch-json";
import { Label } from "@/components/ui/label";
import type { AdminJobsReport } from "@/lib/admin/jobs/list-jobs";
import { JOB_STATES, type JobState } from "@/lib/jobs/definitions";
import { AdminHeader, Stat } from "../admin-header";
import { NativeSelect } from "../fields";
import { formatDateTime, formatNumber } from "../format";
import { adminKeys } from "../query-keys";
import { QueryError } from "../query-state";
import { DataTable, EmptyRow, LoadingRows, Td, Th } from "../table";
import { replaceQuery } from "../url-state";
import type { Wire } from "../wire";
import { JobStateBadge } from "./job-state-badge";
import { RetryJobButton } from "./retry-job-button";

const COLUMNS = 6;
const REFRESH_MS = 5_000;

const asState = (value: string): JobState | "" =>
  (JOB_STATES as readonly string[]).includes(value) ? (value as JobState) : "";

/** The job queue: what waits, runs, retries and died, with a retry for the dead. */
export function JobsPanel({ initialState }: { initialState: string }) {
  const [state, setState] = useState<JobState | "">(asState(initialState));
  useEffect(() => replaceQuery({ state }), [state]);
  const report = useQuery({
    queryKey: adminKeys.jobs(state),
    queryFn: ({ signal }) =>
      fetchJson<Wire<AdminJobsReport>>(`/api/admin/jobs${state ? `?state=${state}` : ""}`, { signal }),
    refetchInterval: REFRESH_MS,
    placeholderData: keepPreviousData,
  });
  const data = report.data;

  return (
    <div className="flex flex-col gap-5">
      <AdminHeader
        title="Jobs"
        description="Background work: submits, webhook processing, ended hooks. Failed jobs are retried with backoff; dead ones wait here for a retry."
      />
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
        {JOB_STATES.map((s) => (
          <Stat key={s} label={s} value={data ? formatNumber(data.counts[s]) : "—"} />
        ))}
        <Stat label="workers" value={data ? formatNumber(data.pools.length) : "—"} />
      </div>
      <div className="flex max-w-56 flex-col gap-2">
        <Label htmlFor="f-state">State</Label>
        <NativeSelect id="f-state" value={state} onChange={(e) => setState(asState(e.target.value))}>
          <option value="">Any</option>
          {JOB_STATES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </NativeSelect>
      </div>
      <QueryError error={report.error} />
      <DataTable aria-label="Jobs" aria-busy={report.isFetching}>
        <thead>
          <tr>
            <Th>Created</Th>
            <Th>Job</Th>
            <Th>State</Th>
            <Th className="text-right">Attempts</Th>
            <Th className="hidden md:table-cell">Last error</Th>
            <Th />
          </tr>
        </thead>
        <tbody>
          {report.isPending ? <LoadingRows colSpan={COLUMNS} /> : null}
          {data && data.items.length === 0 ? (
            <EmptyRow colSpan={COLUMNS}>No jobs {state ? `in state ${state}` : "in the queue"}.</EmptyRow>
          ) : null}
          {data?.items.map((job) => (
            <tr key={job.id} className="hover:bg-muted/40">
              <Td className="whitespace-nowrap">{formatDateTime(job.created_at)}</Td>
              <Td>
                <span className="block whitespace-nowrap font-medium">{job.name}</span>
                <span className="block text-muted-foreground text-xs">
                  #{job.id} · {JSON.stringify(job.payload)}
                </span>
              </Td>
              <Td>
                <JobStateBadge state={job.state} />
              </Td>
              <Td className="text-right tabular-nums">
                {job.attempts} / {job.max_attempts}
              </Td>
              <Td className="hidden max-w-96 md:table-cell">
                <span className="line-clamp-3 break-words text-destructive text-xs">
                  {job.last_error ?? ""}
                </span>
              </Td>
              <Td className="text-right">
                {job.state === "dead" || job.state === "retrying" ? (
                  <RetryJobButton id={job.id} name={job.name} />
                ) : null}
              </Td>
            </tr>
          ))}
        </tbody>
      </DataTable>
    </div>
  );
}
