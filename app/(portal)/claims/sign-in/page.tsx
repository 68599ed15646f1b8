import type { Metadata } from "next";
import Link from "next/link";
import { RequestLinkForm } from "@/components/claims/request-link-form";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { requestLinkAction } from "./actions";

export const metadata: Metadata = { title: "Sign in to your claims" };

export default function ClaimsSignInPage() {
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h1" className="text-2xl">
          Sign in to your claims
        </CardTitle>
      </CardHeader>
      <CardContent className="grid gap-4 text-base">
        <p>Enter the email address you filed with. We will email you a link that signs you in; no password needed.</p>
        <RequestLinkForm action={requestLinkAction} />
        <p className="text-sm text-muted-foreground">
          Have a password? <Link href="/sign-in?callbackUrl=/claims" className="text-primary underline">Sign in with it</Link>.
        </p>
      </CardContent>
    </Card>
  );
}
