import { Ban, CheckCircle2, CircleDot, Copy, FileWarning, MailCheck, MessageSquareReply, Undo2 } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { CLAIM_STATUS_LABELS, type TClaimStatus } from "@/lib/schemas/claim";

// Claim status is not evidence status: info/warning/neutral tones, always with icon and word.
const LOOK: Record<TClaimStatus, { variant: "info" | "warning" | "neutral" | "outline"; icon: typeof CircleDot }> = {
  SUBMITTED: { variant: "outline", icon: CircleDot },
  VERIFIED: { variant: "info", icon: MailCheck },
  DEFICIENT: { variant: "warning", icon: FileWarning },
  DEFICIENCY_ANSWERED: { variant: "info", icon: MessageSquareReply },
  APPROVED: { variant: "info", icon: CheckCircle2 },
  REJECTED: { variant: "neutral", icon: Ban },
  DUPLICATE: { variant: "neutral", icon: Copy },
  WITHDRAWN: { variant: "neutral", icon: Undo2 },
};

// `label` replaces the staff wording where a class member reads it, in their language.
export function ClaimStatusBadge({ status, label }: { status: TClaimStatus; label?: string }) {
  const { variant, icon: Icon } = LOOK[status];
  return (
    <Badge variant={variant} data-testid="claim-status">
      <Icon aria-hidden className="size-3.5" />
      {label ?? CLAIM_STATUS_LABELS[status]}
    </Badge>
  );
}
