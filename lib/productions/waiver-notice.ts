// What the production confirm step, the refusal and the production log say about producing
// privileged material. Pure, so the dialog and the server use the same words.

export type RecordedOrders = { fre502dOrder: string | null; protectiveOrder: string | null };

export function waiverWarning(orders: RecordedOrders): string {
  const risk =
    "Producing privileged material to the other side risks waiving the privilege — for these documents and possibly for others on the same subject — unless a Fed. R. Evid. 502(d) order or a clawback agreement covers the production.";
  const cover = orders.fre502dOrder
    ? `This matter records a FRE 502(d) order / clawback agreement: ${orders.fre502dOrder}. Check that it covers this production before you continue.`
    : "No FRE 502(d) order or clawback agreement is recorded for this matter.";
  return `${risk} ${cover}`;
}

export function protectiveOrderNote(orders: RecordedOrders): string {
  return orders.protectiveOrder
    ? `Confidential material is produced under the protective order: ${orders.protectiveOrder}.`
    : "No protective order is recorded for this matter.";
}
