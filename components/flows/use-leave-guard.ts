"use client";
// Leaving with unsaved changes never happens by accident: closing or reloading the tab asks
// the browser's own question, and a link inside the app first saves, then follows the link
// (or asks, when the save failed).
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { useFlowStoreApi } from "./store/flow-store-context";

export function useLeaveGuard(flush: () => Promise<boolean>) {
  const store = useFlowStoreApi();
  const router = useRouter();

  useEffect(() => {
    const dirty = () => {
      const { revision, savedRevision, readOnly } = store.getState();
      return !readOnly && revision > savedRevision;
    };
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (!dirty()) return;
      event.preventDefault();
      void flush();
    };
    const onClick = (event: MouseEvent) => {
      if (!dirty() || event.defaultPrevented || event.button !== 0) return;
      if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const anchor = (event.target as Element | null)?.closest?.("a[href]");
      if (!(anchor instanceof HTMLAnchorElement) || anchor.target === "_blank") return;
      const url = new URL(anchor.href, window.location.href);
      if (url.origin !== window.location.origin) return;
      event.preventDefault();
      event.stopPropagation();
      void flush().then((saved) => {
        if (saved || window.confirm("Your latest changes could not be saved. Leave anyway?"))
          router.push(`${url.pathname}${url.search}${url.hash}`);
      });
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    document.addEventListener("click", onClick, true);
    return () => {
      window.removeEventListener("beforeunload", onBeforeUnload);
      document.removeEventListener("click", onClick, true);
    };
  }, [flush, router, store]);
}
