import QRCode from "qrcode";

// The otpauth:// URI as a QR code, drawn on the server as SVG markup (no script, no image request,
// nothing the page's Content-Security-Policy has to allow). The markup is qrcode's own output for
// our URI: paths and colours only.
export async function TotpQr({ uri, label }: { uri: string; label: string }) {
  const svg = await QRCode.toString(uri, { type: "svg", margin: 2, errorCorrectionLevel: "M", color: { dark: "#000000", light: "#ffffff" } });
  return <div role="img" aria-label={label} className="size-48 rounded-md border border-border bg-white p-1" dangerouslySetInnerHTML={{ __html: svg }} />;
}
