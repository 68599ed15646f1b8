"use client";

import { Bar, BarChart, CartesianGrid, Cell, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { SUPPORT_STATUS_LABELS, SUPPORT_STATUSES, type SupportStatus } from "@/lib/ledger/support-status";

const STATUS_FILL: Record<SupportStatus, string> = {
  SUPPORTED: "var(--color-supported)",
  PARTIAL: "var(--color-partial)",
  UNSUPPORTED: "var(--color-unsupported)",
  CONTRADICTED: "var(--color-contradicted)",
};

export function StatusChart({ byStatus }: { byStatus: Record<SupportStatus, number> }) {
  const data = SUPPORT_STATUSES.map((s) => ({ status: SUPPORT_STATUS_LABELS[s], key: s, n: byStatus[s] }));
  return (
    <div className="h-48" role="img" aria-label={data.map((d) => `${d.status}: ${d.n}`).join(", ")}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout="vertical" margin={{ left: 8, right: 32, top: 4, bottom: 4 }}>
          <XAxis type="number" allowDecimals={false} hide />
          <YAxis type="category" dataKey="status" width={96} tickLine={false} axisLine={false} fontSize={12} />
          <Bar dataKey="n" isAnimationActive={false} radius={3}>
            {data.map((d) => (
              <Cell key={d.key} fill={STATUS_FILL[d.key]} />
            ))}
            <LabelList dataKey="n" position="right" fontSize={12} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

export type ElementBar = { label: string; text: string; SUPPORTED: number; PARTIAL: number; CONTRADICTED: number; UNSUPPORTED: number };

// One stacked bar per element: how many of the allegations that serve it are in each status.
// An element with no green at all is unproven.
export function ElementChart({ elements }: { elements: ElementBar[] }) {
  return (
    <div style={{ height: Math.max(160, elements.length * 22 + 40) }} role="img" aria-label="Allegations by status for each element; the list beside names the unproven elements.">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={elements} layout="vertical" margin={{ left: 0, right: 16, top: 4, bottom: 4 }} barCategoryGap={3}>
          <CartesianGrid horizontal={false} strokeDasharray="3 3" />
          <XAxis type="number" allowDecimals={false} fontSize={11} />
          <YAxis type="category" dataKey="label" width={48} tickLine={false} fontSize={11} interval={0} className="font-mono" />
          <Tooltip
            formatter={(value, name) => [value, SUPPORT_STATUS_LABELS[name as SupportStatus] ?? name]}
            labelFormatter={(label, payload) => `${label} ${(payload?.[0]?.payload as ElementBar | undefined)?.text ?? ""}`}
          />
          {SUPPORT_STATUSES.map((s) => (
            <Bar key={s} dataKey={s} stackId="a" fill={STATUS_FILL[s]} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
