// A document a class member uploaded to a claim. A plain link with `download`: the route
// answers with the file (always as an attachment), not with a page.
export function ClaimDocumentLink({ href, filename }: { href: string; filename: string }) {
  return (
    <a href={href} download className="text-primary underline">
      <span className="sr-only">Download </span>
      {filename}
    </a>
  );
}
