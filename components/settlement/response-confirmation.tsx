import Link from "next/link";
import { CheckCircle2 } from "lucide-react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Mono } from "@/components/ui/mono";

// What the member sees after sending an opt-out or an objection: the reference to keep.
export function ResponseConfirmation(props: { title: string; body: string; referenceLabel: string; reference: string; referenceHelp: string; lines: string[]; backHref: string; backLabel: string }) {
  return (
    <>
      <h1 className="mb-3 text-3xl font-semibold tracking-tight">{props.title}</h1>
      <Alert variant="success" className="mb-6" icon={<CheckCircle2 aria-hidden />}>
        <AlertDescription>{props.body}</AlertDescription>
      </Alert>
      <section className="mb-6 grid gap-2 rounded-lg border border-border bg-background p-5">
        <h2 className="text-sm font-medium text-muted-foreground">{props.referenceLabel}</h2>
        <p className="text-2xl" data-testid="reference-number">
          <Mono copy>{props.reference}</Mono>
        </p>
        <p className="text-sm text-muted-foreground">{props.referenceHelp}</p>
      </section>
      {props.lines.map((line) => (
        <p key={line} className="mb-2">
          {line}
        </p>
      ))}
      <p className="mt-6">
        <Link href={props.backHref} className="text-primary hover:underline">
          {props.backLabel}
        </Link>
      </p>
    </>
  );
}
