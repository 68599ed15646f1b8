"use client";

import { useEffect } from "react";
import Link from "next/link";
import { ChevronDown, KeyRound, LogOut } from "lucide-react";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";

// The session cookie expires after SESSION_IDLE_MINUTES unless it is re-issued, and pages (server
// components) cannot re-issue it. So while someone is using the workspace (a page load, a click,
// a key press), the session endpoint is read now and then, which re-issues it.
const KEEP_ALIVE_EVERY_MS = 60_000;
function useSessionKeepAlive() {
  useEffect(() => {
    let last = 0;
    const touch = () => {
      if (Date.now() - last < KEEP_ALIVE_EVERY_MS) return;
      last = Date.now();
      fetch("/api/auth/session", { cache: "no-store" }).catch(() => undefined);
    };
    touch();
    window.addEventListener("pointerdown", touch);
    window.addEventListener("keydown", touch);
    return () => {
      window.removeEventListener("pointerdown", touch);
      window.removeEventListener("keydown", touch);
    };
  }, []);
}

export function UserMenu({ name, email, roleLabel }: { name: string; email: string; roleLabel: string }) {
  useSessionKeepAlive();
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" size="sm" aria-label={`Account menu for ${name}`}>
          <span className="max-w-40 truncate">{name}</span>
          <ChevronDown aria-hidden />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="min-w-56">
        <DropdownMenuLabel>
          <span className="block font-medium">{name}</span>
          <span className="block text-xs font-normal text-muted-foreground">{email}</span>
          <span className="block text-xs font-normal text-muted-foreground">{roleLabel}</span>
        </DropdownMenuLabel>
        <DropdownMenuSeparator />
        <DropdownMenuItem asChild>
          <Link href="/account">
            <KeyRound aria-hidden /> Your account
          </Link>
        </DropdownMenuItem>
        <DropdownMenuItem asChild>
          <Link href="/sign-out">
            <LogOut aria-hidden /> Sign out
          </Link>
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
