import { Badge } from "@/components/ui/badge";
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
