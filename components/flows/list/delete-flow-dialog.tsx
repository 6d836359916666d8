"use client";

import { AlertDialog } from "radix-ui";
import { Button } from "@/components/ui/button";

/** Asks before a flow is deleted; opened from the card's menu. */
export function DeleteFlowDialog({
  name,
  open,
  onOpenChange,
  onConfirm,
}: {
  name: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onConfirm: () => void;
}) {
  return (
    <AlertDialog.Root open={open} onOpenChange={onOpenChange}>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 z-50 bg-black/50 data-[state=open]:animate-fade-in" />
        <AlertDialog.Content className="-translate-x-1/2 -translate-y-1/2 fixed top-1/2 left-1/2 z-50 flex w-[min(28rem,calc(100vw-2rem))] flex-col gap-4 rounded-xl border bg-background p-5 shadow-xl outline-none data-[state=open]:animate-fade-in">
          <AlertDialog.Title className="font-semibold text-lg">Delete “{name}”?</AlertDialog.Title>
          <AlertDialog.Description className="text-muted-foreground text-sm">
            The flow, its versions and its run history go. The results it made stay in your history.
          </AlertDialog.Description>
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <AlertDialog.Cancel asChild>
              <Button variant="outline">Cancel</Button>
            </AlertDialog.Cancel>
            <AlertDialog.Action asChild>
              <Button variant="destructive" onClick={onConfirm}>
                Delete flow
              </Button>
            </AlertDialog.Action>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
