"use client";

import { useEffect } from "react";
import { useRouter } from "next/navigation";

// Re-reads the page every two seconds while the split runs in the background.
export function RefreshWhileQueued() {
  const router = useRouter();
  useEffect(() => {
    const timer = setInterval(() => router.refresh(), 2000);
    return () => clearInterval(timer);
  }, [router]);
  return null;
}
