// PayPal's Payouts Web takes a CSV of at most 5,000 payments per upload, the same file for PayPal
// and Venmo recipients (the last column names the wallet). PayPal's own pages agree on the figure:
// "Payouts Web enables you to send up to 5,000 payments per file"
// (developer.paypal.com/docs/payouts/standard/payouts-web), "You can add a maximum of 5000 rows"
// (developer.paypal.com/payouts/use-payouts/send-money/use-web-ui), and "The maximum number of
// individual payments per Payouts mass payment is 5,000" (paypal.com help article help252). The
// 15,000 of the Payouts API is per API call, not per uploaded file.
export const PAYOUTS_WEB_MAX_ROWS = 5000;

// Consecutive parts of at most `max` items, every item in exactly one; none for no items.
export function splitIntoParts<T>(items: readonly T[], max = PAYOUTS_WEB_MAX_ROWS): T[][] {
  const parts: T[][] = [];
  for (let i = 0; i < items.length; i += max) parts.push(items.slice(i, i + max));
  return parts;
}

export const payoutPartCount = (payments: number) => Math.max(1, Math.ceil(payments / PAYOUTS_WEB_MAX_ROWS));
