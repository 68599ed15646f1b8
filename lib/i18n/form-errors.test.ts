import { describe, expect, it } from "vitest";
import { translateFieldErrors, translateFormMessage } from "@/lib/i18n/form-errors";
import { AFTER_LOCK_REFUSAL } from "@/lib/payments/after-lock";
import { PAYMENT_MESSAGES } from "@/lib/schemas/payment-details";
import es from "@/messages/es/formErrors.json";

// A tiny ICU-less translator over the Spanish catalogue: enough for {name} placeholders.
const t = (key: string, values: Record<string, string> = {}) => {
  const text = key.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], es) as string;
  return text.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? `{${k}}`);
};

describe("translateFormMessage", () => {
  it("maps exact messages, messages with a field and messages with values", () => {
    expect(translateFormMessage("Choose your state or territory", t)).toBe("Elija su estado o territorio");
    expect(translateFormMessage("Enter your full name", t)).toBe("Escriba su nombre completo");
    expect(translateFormMessage("ZIP code 60601 is not in CA: check both", t)).toBe("El código postal 60601 no es de CA: revise ambos");
    expect(translateFormMessage("Full name must be at most 200 characters", t)).toBe("Máximo 200 caracteres");
    expect(translateFormMessage("Answer “Did you use the app?”", t)).toBe("Responda esta pregunta");
  });
  it("translates an eligibility reason through the form's own Spanish text", () => {
    const msg = "Covers US users. If you still believe you qualify, tick “Submit for review anyway”.";
    expect(translateFormMessage(msg, t, { "Covers US users.": "Cubre usuarios de EE. UU." })).toBe(
      "Cubre usuarios de EE. UU. Si aun así cree que reúne los requisitos, marque «Enviar para revisión de todos modos».",
    );
  });
  it("translates every message of the payment details form and its refusals", () => {
    for (const message of Object.values(PAYMENT_MESSAGES)) {
      expect(translateFormMessage(message, t), message).not.toBe(message);
    }
    expect(translateFormMessage(PAYMENT_MESSAGES.routingInvalid, t)).toBe("Este número de ruta no es válido: revise los 9 dígitos");
    expect(translateFormMessage("Payments for this settlement are being prepared, so payment details can no longer be changed. Contact the settlement administrator.", t)).toMatch(/^Los pagos/);
    for (const message of Object.values(AFTER_LOCK_REFUSAL)) {
      expect(translateFormMessage(message, t), message).not.toBe(message);
    }
    expect(translateFormMessage(AFTER_LOCK_REFUSAL.PAID, t)).toMatch(/^Su pago ya se pagó/);
  });
  it("leaves an unknown message as it is", () => {
    expect(translateFormMessage("Enter your favourite colour", t)).toBe("Enter your favourite colour");
    expect(translateFieldErrors({ a: ["Something new"] }, t)).toEqual({ a: ["Something new"] });
  });
});
