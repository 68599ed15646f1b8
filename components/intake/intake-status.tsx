import { CheckCircle2, Loader2, XCircle, Clock } from "lucide-react";
import { Badge } from "@/components/ui/badge";

const META = {
  QUEUED: { label: "Queued", icon: Clock, variant: "neutral" },
  RUNNING: { label: "Running", icon: Loader2, variant: "info" },
  DONE: { label: "Done", icon: CheckCircle2, variant: "outline" },
  FAILED: { label: "Could not be read", icon: XCircle, variant: "warning" },
} as const;

// A batch's state as a word with an icon (never colour alone).
export function IntakeStatus({ status }: { status: keyof typeof META }) {
  const { label, icon: Icon, variant } = META[status];
  return (
    <Badge variant={variant} data-testid="intake-status" data-status={status}>
      <Icon aria-hidden className={status === "RUNNING" ? "motion-safe:animate-spin" : undefined} /> {label}
    </Badge>
  );
}
