"use client";

import { ReactFlowProvider, useReactFlow } from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import "./flow-editor.css";
import { useCallback, useRef, useState } from "react";
import { fittingInputs } from "@/lib/flows/graph";
import type { FlowDetail, ImagePreviews } from "./api";
import { layoutPositions } from "./auto-layout";
import { CatalogProvider, useCatalog } from "./catalog";
import { EditorToolbar } from "./editor-toolbar";
import { FlowCanvas } from "./flow-canvas";
import { FormPanel } from "./form/form-panel";
import { fromGraph, toGraph } from "./graph-io";
import { HistoryPanel } from "./history/history-panel";
import { Inspector } from "./inspector/inspector";
import { Palette } from "./palette";
import { ReadOnlyBanner } from "./read-only-banner";
import { RefusalToast } from "./refusal-toast";
import { RunBar } from "./run-bar";
import { RunButton } from "./run-button";
import { StepsView } from "./steps-view";
import { connectionCheck } from "./store/connection-check";
import { createFlowStore } from "./store/flow-store";
import { FlowStoreProvider, useFlowStoreApi } from "./store/flow-store-context";
import { type RunWire, toRunView } from "./store/run-view";
import type { FlowGraph } from "./store/types";
import { useAutosave } from "./use-autosave";
import { useEditorKeys } from "./use-editor-keys";
import { useEstimate } from "./use-estimate";
import { useFlowRun } from "./use-flow-run";
import { useLeaveGuard } from "./use-leave-guard";
import { useNarrowScreen } from "./use-narrow-screen";
import { ViewSwitch } from "./view-switch";

export type EditorView =
  | { mode: "edit"; runId: string | null }
  | { mode: "read-only"; graph: FlowGraph; images?: ImagePreviews; run: RunWire | null; title: string };

/** The flow editor: the catalog, React Flow and the editor's store around the layout. */
export function FlowEditor({ flow, view }: { flow: FlowDetail; view: EditorView }) {
  return (
    <CatalogProvider>
      <ReactFlowProvider>
        <EditorStore flow={flow} view={view} />
      </ReactFlowProvider>
    </CatalogProvider>
  );
}

function EditorStore({ flow, view }: { flow: FlowDetail; view: EditorView }) {
  const { rules } = useCatalog();
  const rulesRef = useRef(rules);
  rulesRef.current = rules;
  const [store] = useState(() => {
    const created = createFlowStore({
      check: connectionCheck(() => rulesRef.current),
      fitInputs: ({ nodes, edges, inputs }) =>
        fittingInputs(toGraph(nodes, edges, undefined, inputs), rulesRef.current),
    });
    const graph = view.mode === "read-only" ? view.graph : flow.graph;
    const images = (view.mode === "read-only" ? view.images : flow.images) ?? {};
    created.getState().load(fromGraph(graph), { readOnly: view.mode === "read-only", images });
    if (view.mode === "read-only" && view.run) created.getState().setRun(toRunView(view.run));
    return created;
  });
  return (
    <FlowStoreProvider store={store}>
      <EditorLayout flow={flow} view={view} />
    </FlowStoreProvider>
  );
}

function EditorLayout({ flow, view }: { flow: FlowDetail; view: EditorView }) {
  const store = useFlowStoreApi();
  const reactFlow = useReactFlow();
  const editing = view.mode === "edit";
  const save = useAutosave(flow.id, flow.revision);
  useLeaveGuard(save.flush);
  useEstimate(flow.id, editing);
  const run = useFlowRun(flow.id, save.flush, editing ? view.runId : null);
  const [helpOpen, setHelpOpen] = useState(false);
  const [phoneView, setPhoneView] = useState<"steps" | "canvas">("steps");
  const narrow = useNarrowScreen();

  const layout = useCallback(() => {
    const { nodes, edges, setPositions } = store.getState();
    setPositions(layoutPositions(nodes, edges));
    requestAnimationFrame(() => void reactFlow.fitView({ padding: 0.2, duration: 300, maxZoom: 1 }));
  }, [reactFlow, store]);

  const startRun = (request: { targets?: string[]; force?: string[] } = {}) => {
    if (!editing || store.getState().run?.status === "running") return;
    run.start.mutate(request);
  };

  useEditorKeys({
    run: () => startRun(),
    save: () => void save.flush(),
    layout,
    help: () => setHelpOpen((open) => !open),
  });

  return (
    <div className="flex h-[calc(100dvh-3.5rem-1px)] min-h-96 flex-col">
      <EditorToolbar
        name={flow.name}
        save={save}
        helpOpen={helpOpen}
        onHelpOpenChange={setHelpOpen}
        onLayout={layout}
        form={editing ? <FormPanel flowId={flow.id} /> : null}
        history={<HistoryPanel flowId={flow.id} beforeSave={save.flush} />}
        flowId={flow.id}
        run={
          editing ? (
            <RunButton
              onRun={() => startRun()}
              onCancel={() => run.cancel.mutate()}
              starting={run.start.isPending}
              canceling={run.cancel.isPending}
            />
          ) : null
        }
      />
      {view.mode === "read-only" ? <ReadOnlyBanner flowId={flow.id} title={view.title} /> : null}
      <RunBar error={run.start.error} onDismiss={() => run.start.reset()} />
      <div className="flex shrink-0 border-b bg-background p-1.5 md:hidden">
        <ViewSwitch value={phoneView} onChange={setPhoneView} />
      </div>
      <div className="relative flex min-h-0 flex-1">
        <Palette className="max-md:hidden" />
        {/* One or the other on a phone, so the canvas fits its view when it first shows; the
            steps are never mounted on a desktop, where each would re-render with every drag. */}
        {narrow && phoneView === "steps" ? (
          <StepsView className="min-w-0 flex-1" />
        ) : (
          <div className="relative min-w-0 flex-1">
            <FlowCanvas viewport={view.mode === "edit" ? flow.graph.viewport : undefined} />
            <RefusalToast />
            <Inspector className="max-md:hidden" onRun={(request) => startRun(request)} />
          </div>
        )}
      </div>
    </div>
  );
}
