import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Timestamp, ViewerTimeZoneContext } from "./timestamp";

const MOMENT = new Date("2026-12-02T18:15:00Z");

function render(value: Date | null, timeZone?: string): string {
  const stamp = createElement(Timestamp, { value });
  return renderToStaticMarkup(timeZone ? createElement(ViewerTimeZoneContext, { value: timeZone }, stamp) : stamp);
}

describe("<Timestamp>", () => {
  it("shows the instant at the reader's clock and the same instant in UTC on hover", () => {
    const html = render(MOMENT, "America/Los_Angeles");
    expect(html).toBe('<time dateTime="2026-12-02T18:15:00.000Z" title="Dec 2, 2026, 06:15 PM UTC">Dec 2, 2026, 10:15 AM PST</time>');
  });

  it("gives readers in different zones different clock times for one instant, the same hover text", () => {
    const paris = render(MOMENT, "Europe/Paris");
    expect(paris).toContain(">Dec 2, 2026, 07:15 PM GMT+1<");
    expect(paris).toContain('title="Dec 2, 2026, 06:15 PM UTC"');
    expect(paris).not.toContain("10:15 AM");
  });

  it("shows UTC where no zone is known (outside the staff workspace, or before the browser reported one)", () => {
    expect(render(MOMENT)).toContain(">Dec 2, 2026, 06:15 PM UTC<");
  });

  it("shows a dash for no instant", () => {
    expect(render(null, "America/Los_Angeles")).toBe("—");
  });
});
