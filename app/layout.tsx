import type { Metadata } from "next";
import { inter } from "@/app/fonts";
import { Toaster } from "@/components/ui/toaster";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Proofline", template: "%s · Proofline" },
  description: "Evidence ledger for privacy class actions: every allegation linked to what proves it, every gap flagged.",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en" className={inter.variable}>
      <body className="min-h-screen bg-background font-sans text-foreground antialiased">
        {children}
        <Toaster />
      </body>
    </html>
  );
}
