import { Badge } from "@/components/ui/badge";
import { CONFIDENTIALITY_LABELS, PRIVILEGE_LABELS } from "@/lib/schemas/exhibit";

type Props = { confidentiality: string; privilege: string };

// Privileged and AEO exhibits carry the lock badge everywhere they appear.
export function DesignationBadges({ confidentiality, privilege }: Props) {
  return (
    <span className="inline-flex flex-wrap gap-1">
      {privilege !== "NONE" && <Badge variant="lock">{PRIVILEGE_LABELS[privilege as keyof typeof PRIVILEGE_LABELS]}</Badge>}
      {confidentiality === "AEO" ? (
        <Badge variant="lock">AEO</Badge>
      ) : (
        <Badge variant={confidentiality === "PUBLIC" ? "outline" : "neutral"}>
          {CONFIDENTIALITY_LABELS[confidentiality as keyof typeof CONFIDENTIALITY_LABELS]}
        </Badge>
      )}
    </span>
  );
}
