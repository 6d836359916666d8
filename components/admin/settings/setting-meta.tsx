import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { formatDateTime } from "../format";
import type { SettingWire } from "./settings-panel";

/** "Default" or who saved the value last, and when. */
export function SettingMeta({ setting }: { setting: SettingWire }) {
  if (setting.is_default) return <Badge variant="secondary">Default</Badge>;
  return (
    <span className="text-muted-foreground text-xs">
      Saved {formatDateTime(setting.updated_at)}
      {setting.updated_by_email ? ` by ${setting.updated_by_email}` : ""}
    </span>
  );
}

/** A setting card's title with its SettingMeta, and a line about the setting. */
export function SettingCardHeader({
  setting,
  title,
  description,
}: {
  setting: SettingWire;
  title: ReactNode;
  description: ReactNode;
}) {
  return (
    <CardHeader>
      <CardTitle className="flex flex-wrap items-center justify-between gap-2 text-base">
        {title} <SettingMeta setting={setting} />
      </CardTitle>
      <CardDescription>{description}</CardDescription>
    </CardHeader>
  );
}
