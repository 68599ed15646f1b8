import localFont from "next/font/local";

// Self-hosted because next/font/google needs network access at build time.
// Put `inter.variable` on <html> so --font-inter is defined where globals.css reads it.
export const inter = localFont({
  src: "./fonts/inter-latin-wght-normal.woff2",
  variable: "--font-inter",
  display: "swap",
  weight: "100 900",
});
