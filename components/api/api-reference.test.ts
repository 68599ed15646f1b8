import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/api/openapi";
import { ApiReference, operationAnchor, type OpenApiDoc } from "./api-reference";

describe("the API reference page", () => {
  it("renders every operation of the OpenAPI document, with its parameters and answers", () => {
    const doc = openApiDocument("https://proofline.example") as unknown as OpenApiDoc;
    const html = renderToStaticMarkup(createElement(ApiReference, { doc }));
    const operations = Object.entries(doc.paths).flatMap(([path, item]) => Object.keys(item).map((method) => ({ path, method })));
    expect(operations.length).toBeGreaterThan(15);
    for (const { path, method } of operations) {
      expect(html).toContain(`id="${operationAnchor(method, path)}"`);
      expect(html).toContain(`href="#${operationAnchor(method, path)}"`);
    }
    expect(html).toContain("Idempotency-Key");
    expect(html).toContain("Request body (application/json)");
    expect(html).toContain("SUPPORTED | PARTIAL | UNSUPPORTED | CONTRADICTED");
  });
});
