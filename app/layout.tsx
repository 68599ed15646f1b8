import type { Metadata } from "next";
import { headers } from "next/headers";
import { getLocale } from "next-intl/server";
import { NextIntlClientProvider } from "next-intl";
import { inter } from "@/app/fonts";
import { Toaster } from "@/components/ui/toaster";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Proofline", template: "%s · Proofline" },
  description: "Evidence ledger for privacy class actions: every allegation linked to what proves it, every gap flagged.",
  icons: { icon: "/icon.svg" },
};

// The public pages (settlement websites, the claim portal) speak the visitor's language; staff
// pages are English whatever the cookie says.
const PUBLIC_PATH = /^\/(settlements|claim|claims)(\/|$|\?)/;

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const path = (await headers()).get("x-proofline-path") ?? "/";
  const lang = PUBLIC_PATH.test(path) || path === "/" ? await getLocale() : "en";
  return (
    <html lang={lang} className={inter.variable}>
      <body className="min-h-screen bg-background font-sans text-foreground antialiased">
        <NextIntlClientProvider>{children}</NextIntlClientProvider>
        <Toaster />
      </body>
    </html>
  );
}
