"use client";
// The flow API as the browser calls it (the flows routes), with its query keys.
import { fetchJson } from "@/components/providers/fetch-json";
import type { Estimate, FlowSummary, FlowTemplate, RunRequest, RunSummary } from "@/lib/flows/graph";
import type { RunWire } from "./store/run-view";
import type { FlowGraph } from "./store/types";

export type { FlowGraph, FlowSummary, FlowTemplate, RunRequest, RunSummary };

/** Links to the pictures of a graph's Image nodes, by asset id (or an older graph's link). */
export type ImagePreviews = Record<string, string>;

export type FlowDetail = {
  id: string;
  name: string;
  graph: FlowGraph;
  revision: number;
  created_at: string;
  updated_at: string;
  images?: ImagePreviews;
};
export type FlowVersion = { id: string; name: string | null; created_at: string };
export type FlowVersionDetail = FlowVersion & { graph: FlowGraph; images?: ImagePreviews };

export const flowKeys = {
  all: ["flows"] as const,
  list: ["flows", "list"] as const,
  detail: (id: string) => ["flows", "detail", id] as const,
  runs: (id: string) => ["flows", "runs", id] as const,
  run: (id: string, runId: string) => ["flows", "run", id, runId] as const,
  versions: (id: string) => ["flows", "versions", id] as const,
  version: (id: string, versionId: string) => ["flows", "version", id, versionId] as const,
  templates: ["flows", "templates"] as const,
};

const base = (id: string) => `/api/flows/${encodeURIComponent(id)}`;

export const flowsApi = {
  list: async (signal?: AbortSignal) =>
    (await fetchJson<{ flows: FlowSummary[] }>("/api/flows", { signal })).flows,
  get: (id: string, signal?: AbortSignal) => fetchJson<FlowDetail>(base(id), { signal }),
  create: (body: { name?: string; graph?: FlowGraph; template?: string }) =>
    fetchJson<{ id: string }>("/api/flows", { method: "POST", json: body }),
  update: (id: string, body: { name?: string; graph?: FlowGraph; revision?: number }, signal?: AbortSignal) =>
    fetchJson<FlowDetail>(base(id), { method: "PATCH", json: body, signal }),
  duplicate: (id: string) => fetchJson<{ id: string }>(`${base(id)}/duplicate`, { method: "POST" }),
  remove: (id: string) => fetchJson<unknown>(base(id), { method: "DELETE" }),
  estimate: (id: string, body: RunRequest & { graph?: FlowGraph }, signal?: AbortSignal) =>
    fetchJson<Estimate>(`${base(id)}/estimate`, { method: "POST", json: body, signal }),
  run: (id: string, body: RunRequest) =>
    fetchJson<{ id: string }>(`${base(id)}/runs`, { method: "POST", json: body }),
  /** A run with just the flow's exposed inputs (the simple form; scripts call the same route). */
  runWithInputs: (id: string, inputs: Record<string, unknown>) =>
    fetchJson<{ id: string; estimated_credits: number }>(`/api/v1/flows/${encodeURIComponent(id)}/runs`, {
      method: "POST",
      json: { inputs },
    }),
  getRun: (id: string, runId: string, signal?: AbortSignal) =>
    fetchJson<RunWire>(`${base(id)}/runs/${encodeURIComponent(runId)}`, { signal }),
  cancelRun: (id: string, runId: string) =>
    fetchJson<unknown>(`${base(id)}/runs/${encodeURIComponent(runId)}/cancel`, { method: "POST" }),
  runs: async (id: string, signal?: AbortSignal) =>
    (await fetchJson<{ runs: RunSummary[] }>(`${base(id)}/runs`, { signal })).runs,
  versions: async (id: string, signal?: AbortSignal) =>
    (await fetchJson<{ versions: FlowVersion[] }>(`${base(id)}/versions`, { signal })).versions,
  version: (id: string, versionId: string, signal?: AbortSignal) =>
    fetchJson<FlowVersionDetail>(`${base(id)}/versions/${encodeURIComponent(versionId)}`, { signal }),
  saveVersion: (id: string, name: string) =>
    fetchJson<FlowVersion>(`${base(id)}/versions`, { method: "POST", json: { name } }),
  templates: async (signal?: AbortSignal) =>
    (await fetchJson<{ templates: FlowTemplate[] }>("/api/flow-templates", { signal })).templates,
};
