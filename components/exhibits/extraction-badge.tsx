import { AlertTriangle, CheckCircle2, Clock, Loader2, Minus } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { EXTRACTION_LABELS } from "@/lib/schemas/exhibit";

const ICONS = { QUEUED: Clock, RUNNING: Loader2, DONE: CheckCircle2, FAILED: AlertTriangle, NOT_APPLICABLE: Minus } as const;

export function ExtractionBadge({ status, error }: { status: string; error?: string | null }) {
  const key = status as keyof typeof EXTRACTION_LABELS;
  const Icon = ICONS[key];
  return (
    <Badge variant={key === "FAILED" ? "warning" : key === "DONE" ? "info" : "outline"} title={error ?? undefined} data-testid="extraction-status">
      <Icon aria-hidden />
      {EXTRACTION_LABELS[key]}
    </Badge>
  );
}
