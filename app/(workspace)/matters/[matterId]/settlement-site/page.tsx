import type { Metadata } from "next";
import Link from "next/link";
import { PublishToggle } from "@/components/settlement-site/publish-toggle";
import { SettlementSiteForm } from "@/components/settlement-site/settlement-site-form";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { Mono } from "@/components/ui/mono";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { loadOr404, pageActor } from "@/lib/server/page-guard";
import { getSettlementSiteSettings } from "@/lib/server/settlement-site/get-settlement-site-settings";
import { publishExhibitAction, updateSettlementSiteAction } from "./actions";

export const metadata: Metadata = { title: "Settlement website" };

export default async function SettlementSiteSettingsPage({ params }: { params: Promise<{ matterId: string }> }) {
  const { matterId } = await params;
  const actor = await pageActor();
  const site = await loadOr404(() => getSettlementSiteSettings(actor, matterId));
  const canEdit = site.access.can("site.edit");
  const canPublish = site.access.can("exhibits.publish");
  return (
    <div className="mx-auto grid max-w-5xl gap-8">
      <PageHeader
        title="Settlement website"
        description="The public website class members read, in English and Spanish: key dates (from Settings), the FAQ, the long-form notice, contact details and the court documents published here. Plain text; a blank line starts a new paragraph."
      />
      <p className="text-sm">
        {site.online ? (
          <>
            Online at{" "}
            <Link className="text-primary underline" href={`/settlements/${site.slug}`}>
              <Mono>/settlements/{site.slug}</Mono>
            </Link>
            .
          </>
        ) : (
          "Not online yet: saving the text below puts the website online."
        )}
      </p>
      <section aria-labelledby="site-text" className="grid gap-4">
        <h2 id="site-text" className="text-xl font-semibold">
          Text
        </h2>
        {canEdit ? (
          <SettlementSiteForm action={updateSettlementSiteAction.bind(null, matterId)} initial={site.content} />
        ) : (
          <Alert>
            <AlertDescription>Only an attorney on this matter can change the website.</AlertDescription>
          </Alert>
        )}
      </section>
      <section aria-labelledby="site-documents" className="grid gap-4">
        <h2 id="site-documents" className="text-xl font-semibold">
          Court documents
        </h2>
        <p className="text-sm text-muted-foreground">PDF exhibits designated public and not privileged can be published; each download is re-verified against its SHA-256.</p>
        {site.exhibits.length === 0 ? (
          <EmptyState title="No PDF exhibits" description="Upload the court documents (notice, settlement agreement, orders) as exhibits first." />
        ) : (
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>Exhibit</TableHead>
                <TableHead>Title</TableHead>
                <TableHead>On the website</TableHead>
                {canPublish && <TableHead>Action</TableHead>}
              </TableRow>
            </TableHeader>
            <TableBody>
              {site.exhibits.map((e) => (
                <TableRow key={e.id}>
                  <TableCell>
                    <Mono>{e.label}</Mono>
                  </TableCell>
                  <TableCell>{e.title}</TableCell>
                  <TableCell>{e.published ? <Badge variant="info">Published</Badge> : e.blockedBecause ? <Badge variant="lock">{e.blockedBecause}</Badge> : "No"}</TableCell>
                  {canPublish && (
                    <TableCell>{e.blockedBecause && !e.published ? "—" : <PublishToggle action={publishExhibitAction.bind(null, matterId, e.id)} published={e.published} label={e.label} />}</TableCell>
                  )}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>
    </div>
  );
}
