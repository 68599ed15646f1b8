"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { CalendarRange, ClipboardList, FileBarChart, Files, Globe, Network, LayoutDashboard, ListChecks, Scale, Settings, Users } from "lucide-react";
import { cn } from "@/lib/utils/cn";

// Only sections that work are listed; later features add their entries here.
const SECTIONS = [
  { href: "", label: "Overview", icon: LayoutDashboard, exact: true },
  { href: "/allegations", label: "Allegations", icon: ListChecks, exact: false },
  { href: "/exhibits", label: "Exhibits", icon: Files, exact: false },
  { href: "/data-flows", label: "Data flows", icon: Network, exact: false },
  { href: "/chronology", label: "Chronology", icon: CalendarRange, exact: false },
  { href: "/plaintiffs", label: "Plaintiffs", icon: Users, exact: false },
  { href: "/counts", label: "Counts", icon: Scale, exact: false },
  { href: "/claims", label: "Claims", icon: ClipboardList, exact: false },
  { href: "/reports", label: "Reports", icon: FileBarChart, exact: false },
  { href: "/settlement-site", label: "Settlement website", icon: Globe, exact: false },
  { href: "/settings", label: "Settings", icon: Settings, exact: false },
] as const;

export function MatterNav({ matterId }: { matterId: string }) {
  const pathname = usePathname();
  const base = `/matters/${matterId}`;
  return (
    <nav aria-label="Matter sections" className="flex flex-col gap-1 p-3">
      {SECTIONS.map(({ href, label, icon: Icon, exact }) => {
        const target = base + href;
        const active = exact ? pathname === target : pathname.startsWith(target);
        return (
          <Link
            key={label}
            href={target}
            aria-current={active ? "page" : undefined}
            className={cn(
              "flex items-center gap-2 rounded-md px-3 py-2 text-sm font-medium text-muted-foreground hover:bg-accent hover:text-foreground",
              active && "bg-accent text-foreground",
            )}
          >
            <Icon className="size-4" aria-hidden />
            {label}
          </Link>
        );
      })}
    </nav>
  );
}
